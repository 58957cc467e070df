package dev.hookstead.build.export;

import dev.hookstead.build.problems.Problems;
import dev.hookstead.manifest.Manifest;

import java.util.Map;

/**
 * What {@link ExportReader} found.
 *
 * @param manifest uncompiled: every {@code ScriptRef} has {@code path == null}, {@code original} = the export-relative
 *                 source name, {@code sha256} of the source text and no line map; {@code generator} and
 *                 {@code prelude} are null
 * @param sources  source text by {@code ScriptRef.original}, in name order
 * @param problems everything wrong with the export; the manifest is only usable when it has no errors
 */
public record ExportResult(Manifest manifest, Map<String, String> sources, Problems problems) {
}
