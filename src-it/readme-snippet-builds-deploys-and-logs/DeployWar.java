import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -cp tomcat-embed-core.jar:tomcat-annotations-api.jar DeployWar.java BASE PORT_FILE /path=app.war...}
 *
 * <p>Deploys each WAR file as a standalone Tomcat does (unpacked, its container initializers run, the default
 * servlet on "/") on a free loopback port, writes the port to PORT_FILE once every webapp is up, and serves until
 * killed. Exits 1 when a webapp fails to start.
 */
public class DeployWar {
    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(args[0]);
        Files.createDirectories(Path.of(args[0], "webapps"));
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        // conf/web.xml's defaults, minus the JSP servlet tomcat-embed-core lacks
        tomcat.setAddDefaultWebXmlToWebapp(false);
        for (int i = 2; i < args.length; i++) {
            String[] pathAndWar = args[i].split("=", 2);
            Context context = tomcat.addWebapp(pathAndWar[0], new File(pathAndWar[1]).getAbsolutePath());
            Tomcat.addServlet(context, "default", new DefaultServlet());
            context.addServletMappingDecoded("/", "default");
        }
        tomcat.start();
        for (Container webapp : tomcat.getHost().findChildren()) {
            if (!webapp.getState().isAvailable()) {
                System.err.println("DeployWar: webapp " + webapp.getName() + " did not start");
                System.exit(1);
            }
        }
        Files.writeString(Path.of(args[1]), String.valueOf(connector.getLocalPort()));
        tomcat.getServer().await();
    }
}
