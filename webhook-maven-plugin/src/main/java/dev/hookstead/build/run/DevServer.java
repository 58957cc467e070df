package dev.hookstead.build.run;

import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.WebResourceRoot;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.webresources.DirResourceSet;
import org.apache.catalina.webresources.FileResourceSet;
import org.apache.catalina.webresources.StandardRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An embedded Tomcat serving an exploded web application, the way a standalone container would: the webapp's own
 * web.xml and servlet container initializers (so the Hookstead filter registers itself), with the project's runtime
 * classpath mounted as WEB-INF/classes and WEB-INF/lib.
 */
public final class DevServer implements AutoCloseable {

    private final Tomcat tomcat = new Tomcat();
    private final Context context;
    private final Connector connector;

    /**
     * @param webapp    the exploded webapp (holds WEB-INF/hookstead)
     * @param classpath project output folders and dependency jars, mounted into the webapp
     */
    public DevServer(Path webapp, List<Path> classpath, String host, int port, Path workDir) {
        try {
            Files.createDirectories(webapp);
            tomcat.setBaseDir(Files.createDirectories(workDir).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tomcat.setHostname(host);
        connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", host);
        tomcat.getService().addConnector(connector);
        // Tomcat's default web.xml also declares the JSP servlet, which the embedded distribution lacks
        tomcat.setAddDefaultWebXmlToWebapp(false);
        context = tomcat.addWebapp("", webapp.toAbsolutePath().toString());
        // the Servlet API comes from this (plugin) class loader, the app's classes from the mounted classpath
        context.setParentClassLoader(DevServer.class.getClassLoader());
        // on every (re)start, as Tomcat does for its own defaults: without a servlet for "/", no filter runs
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Tomcat.addServlet(context, "default", new DefaultServlet());
                context.addServletMappingDecoded("/", "default");
                Tomcat.addDefaultMimeTypeMappings(context);
            }
        });
        WebResourceRoot resources = new StandardRoot(context);
        for (Path entry : classpath) {
            if (Files.isDirectory(entry)) {
                resources.addPreResources(new DirResourceSet(resources, "/WEB-INF/classes", entry.toString(), "/"));
            } else if (Files.isRegularFile(entry)) {
                resources.addPreResources(new FileResourceSet(resources, "/WEB-INF/lib/" + entry.getFileName(),
                        entry.toString(), "/"));
            }
        }
        context.setResources(resources);
    }

    public DevServer start() {
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException("cannot start the embedded Tomcat: " + e.getMessage(), e);
        }
        if (!context.getState().isAvailable()) {
            throw new IllegalStateException("the webapp did not start; the log above says why");
        }
        return this;
    }

    /** Restarts the webapp, so the filter reads the manifest again. */
    public void reload() {
        context.reload();
    }

    public boolean isAvailable() {
        return context.getState().isAvailable();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("cannot stop the embedded Tomcat: " + e.getMessage(), e);
        }
    }
}
