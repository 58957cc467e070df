package dev.hookstead.operations.metrics;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Times each command the driver sends for one data source ({@value Metrics#MONGODB_COMMANDS}). */
public final class MongoCommandMeter implements CommandListener {

    private final Metrics metrics;
    private final String service;
    private final Map<String, Timer> succeeded = new ConcurrentHashMap<>();
    private final Map<String, Timer> failed = new ConcurrentHashMap<>();

    public MongoCommandMeter(Metrics metrics, String service) {
        this.metrics = metrics;
        this.service = service;
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        succeeded.computeIfAbsent(event.getCommandName(), command -> metrics.mongoTimer(service, command, true))
                .record(event.getElapsedTime(TimeUnit.NANOSECONDS), TimeUnit.NANOSECONDS);
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        failed.computeIfAbsent(event.getCommandName(), command -> metrics.mongoTimer(service, command, false))
                .record(event.getElapsedTime(TimeUnit.NANOSECONDS), TimeUnit.NANOSECONDS);
    }
}
