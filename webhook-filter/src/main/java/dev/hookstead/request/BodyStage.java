package dev.hookstead.request;

import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.Stage;

import java.io.IOException;

/** Reads the request, body included (within the size limit), into the data the later stages and the function see. */
public final class BodyStage implements Stage {

    private final RequestReader reader;

    public BodyStage(RequestReader reader) {
        this.reader = reader;
    }

    @Override
    public void apply(Exchange exchange) throws IOException {
        exchange.data(reader.read(exchange.request(), exchange.target(), exchange.path()));
    }
}
