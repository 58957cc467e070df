package dev.hookstead.build;

import dev.hookstead.build.problems.Problems;
import dev.hookstead.build.problems.Severity;
import dev.hookstead.manifest.DataSourceDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ServiceDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warns where a function calls {@code context.services.get("<literal>")} with a name that is neither a data source
 * nor an HTTP service of the export: the platform gives undefined for it, and the next {@code .db(...)} fails at run
 * time. A warning, not an error, since the function may test for undefined on purpose.
 */
final class ServiceNameCheck {

    /** {@code services.get("name")} with a plain string literal; the name is group 2. */
    private static final Pattern GET = Pattern.compile("\\bservices\\s*\\.\\s*get\\s*\\(\\s*([\"'`])([^\"'`\\\\$]*)\\1\\s*\\)");

    private ServiceNameCheck() {
    }

    static void check(Manifest manifest, Map<String, String> sources, Problems problems) {
        List<String> dataSources = manifest.dataSources().stream().map(DataSourceDef::name).toList();
        List<String> known = new ArrayList<>(dataSources);
        manifest.services().stream().filter(s -> "http".equals(s.type())).map(ServiceDef::name).forEach(known::add);
        for (Map.Entry<String, String> source : sources.entrySet()) {
            // Most sources never name a service; skipping them spares a regex scan of every source on each build.
            if (!source.getValue().contains("services")) continue;
            Matcher m = GET.matcher(source.getValue());
            while (m.find()) {
                String name = m.group(2);
                if (known.contains(name)) continue;
                int line = lineOf(source.getValue(), m.start(2));
                int column = m.start(2) - source.getValue().lastIndexOf('\n', m.start(2) - 1);
                problems.add(AppCompiler.at(Severity.WARNING, source.getKey(), name, "is not a data source or HTTP"
                        + " service of this export, so context.services.get gives undefined for it at run time",
                        dataSources.isEmpty() ? "add the data source under data_sources/ in the export"
                                : "use one of the export's data sources " + dataSources
                                + ", or add this one under data_sources/", line, column));
            }
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
