import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code java -cp tomcat-embed-core.jar:tomcat-annotations-api.jar DeployWar.java BASE PORT_FILE WEBAPP...}, each
 * WEBAPP {@code [!]/path=app.war[|context-param=value...]}.
 *
 * <p>Deploys each WAR file as a standalone Tomcat does (unpacked, its container initializers run, the default
 * servlet on "/"; context-params as a context.xml would give them) on a free loopback port, writes the port to
 * PORT_FILE once the webapps have started, and serves until killed. Exits 1 when a webapp does not start, or one
 * marked {@code !} (expected to fail) does.
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
        Set<String> failing = new HashSet<>();
        for (int i = 2; i < args.length; i++) {
            String webapp = args[i];
            if (webapp.startsWith("!")) {
                webapp = webapp.substring(1);
                failing.add(webapp.substring(0, webapp.indexOf('=')));
            }
            String[] parts = webapp.split("\\|");
            String[] pathAndWar = parts[0].split("=", 2);
            Context context = tomcat.addWebapp(pathAndWar[0], new File(pathAndWar[1]).getAbsolutePath());
            for (int p = 1; p < parts.length; p++) {
                String[] param = parts[p].split("=", 2);
                context.addParameter(param[0], param[1]);
            }
            Tomcat.addServlet(context, "default", new DefaultServlet());
            context.addServletMappingDecoded("/", "default");
        }
        tomcat.start();
        for (Container webapp : tomcat.getHost().findChildren()) {
            if (webapp.getState().isAvailable() == failing.contains(webapp.getName())) {
                System.err.println("DeployWar: webapp " + webapp.getName() + (failing.contains(webapp.getName())
                        ? " started, but was expected to fail" : " did not start"));
                System.exit(1);
            }
        }
        Files.writeString(Path.of(args[1]), String.valueOf(connector.getLocalPort()));
        tomcat.getServer().await();
    }
}
