package dev.hookstead;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hookstead.pipeline.Stage;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package structure docs/architecture.md describes, kept so. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hookstead");

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("dev.hookstead.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void thePipelineDependsOnNoStage() {
        noClasses().that().resideInAPackage("dev.hookstead.pipeline..")
                .should().dependOnClassesThat().implement(Stage.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.hookstead.filter..",
                        "dev.hookstead.routing..", "dev.hookstead.request..", "dev.hookstead.validation..",
                        "dev.hookstead.auth..", "dev.hookstead.response..", "dev.hookstead.script..",
                        "dev.hookstead.services..")
                .check(MAIN);
    }

    @Test
    void onlyTheFilterAssemblesThePipeline() {
        noClasses().that().resideOutsideOfPackage("dev.hookstead.filter..")
                .should().dependOnClassesThat().resideInAPackage("dev.hookstead.filter..")
                .check(MAIN);
    }

    /** The WAR's jar leaves {@code script.compile} and Closure Compiler out, so nothing it holds may need them. */
    @Test
    void theRuntimeNeedsNothingOfTheBuildTimeCompiler() {
        noClasses().that().resideOutsideOfPackage("dev.hookstead.script.compile..")
                .should().dependOnClassesThat().resideInAPackage("dev.hookstead.script.compile..")
                .orShould().dependOnClassesThat().resideInAPackage("com.google.javascript..")
                .check(MAIN);
    }
}
