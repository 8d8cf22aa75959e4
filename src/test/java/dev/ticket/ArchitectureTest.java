package dev.ticket;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of docs/architecture.md, checked on the compiled classes, so that a wrong import fails
 * {@code mvn verify}:
 * <pre>
 *   Main -> cli -> tui -> client -> model      (the program a user runs)
 *   server -> service -> store -> model        (the service)
 *   cli -> server only for the one serve command
 * </pre>
 * The build's own tools (the class-data archive's writer and its training runs) sit beside {@code Main} and
 * may use anything. Dependencies that broke a rule when it was written are frozen in
 * {@code src/test/resources/archunit_store} (ArchUnit's {@link FreezingArchRule}): they are the known debt,
 * listed there one per line; any new one fails the build, and a fixed one drops out of the store.
 */
class ArchitectureTest {
    /** Build-time tools: run by Maven (exec plugin) to make the class-data archives, never by a user. */
    static final DescribedPredicate<JavaClass> BUILD_TOOLS = resideInAPackage("dev.ticket")
            .and(simpleNameStartingWith("ClassData").or(simpleNameStartingWith("ServeTraining")))
            .as("the build's tools");

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ticket");
    }

    @Test
    void layers_depend_only_downwards() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Main").definedBy(resideInAPackage("dev.ticket").and(DescribedPredicate.not(BUILD_TOOLS))
                        .as("Main"))
                .layer("Build").definedBy(BUILD_TOOLS)
                .layer("Cli").definedBy("dev.ticket.cli..")
                .layer("Tui").definedBy("dev.ticket.tui..")
                .layer("Client").definedBy("dev.ticket.client..")
                .layer("Server").definedBy("dev.ticket.server..")
                .layer("Service").definedBy("dev.ticket.service..")
                .layer("Store").definedBy("dev.ticket.store..")
                .layer("Files").definedBy("dev.ticket.files..")
                .layer("Model").definedBy("dev.ticket.model..")
                .whereLayer("Main").mayOnlyBeAccessedByLayers("Build")
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Main", "Build")
                .whereLayer("Tui").mayOnlyBeAccessedByLayers("Cli", "Build")
                .whereLayer("Client").mayOnlyBeAccessedByLayers("Cli", "Tui", "Build")
                .whereLayer("Server").mayOnlyBeAccessedByLayers("Cli", "Build")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Server", "Build")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Service", "Build")
                .whereLayer("Files").mayOnlyBeAccessedByLayers("Cli", "Server", "Service", "Store", "Build")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Main", "Cli", "Tui", "Client", "Server", "Service",
                        "Store", "Build");
        FreezingArchRule.freeze(layers).check(product);
    }

    @Test
    void the_command_line_reaches_the_service_only_through_serve() {
        FreezingArchRule.freeze(noClasses()
                .that().resideInAPackage("dev.ticket.cli..")
                .and(DescribedPredicate.not(simpleName("ServeCommand")))
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.ticket.server..", "dev.ticket.service..", "dev.ticket.store.."))
                .check(product);
    }

    @Test
    void serve_starts_the_service_through_the_server_alone() {
        FreezingArchRule.freeze(noClasses()
                .that().haveSimpleName("ServeCommand")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ticket.service..", "dev.ticket.store.."))
                .check(product);
    }

    @Test
    void model_depends_on_nothing_of_ours() {
        classes().that().resideInAPackage("dev.ticket.model..")
                .should().onlyDependOnClassesThat(DescribedPredicate.not(resideInAPackage("dev.ticket.."))
                        .or(resideInAPackage("dev.ticket.model..")).as("the JDK, libraries or the model"))
                .check(product);
    }

    @Test
    void the_rules_know_no_http_and_no_sql() {
        noClasses().that().resideInAPackage("dev.ticket.service..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "java.sql..", "org.jdbi..")
                .check(product);
    }

    @Test
    void http_types_stay_in_the_server() {
        noClasses().that().resideOutsideOfPackage("dev.ticket.server..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
                .check(product);
    }

    @Test
    void packages_form_no_cycles() {
        FreezingArchRule.freeze(slices().matching("dev.ticket.(*)..").should().beFreeOfCycles()).check(product);
    }
}
