package dev.ticket;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of docs/architecture.md, checked on the compiled classes, so that a wrong import fails
 * {@code mvn verify}:
 * <pre>
 *   Main -> cli -> tui -> client -> model      (the program a user runs)
 *   app -> server -> service -> store -> model  (the service, wired together in app)
 *   cli -> app only for the one serve command, through app.Serve and app.ServeOptions
 * </pre>
 * The build's own tools (the class-data archive's writer and its training runs, in {@code dev.ticket.build}) may
 * use anything and nothing of the program uses them. No violation is frozen: every rule holds as it stands.
 */
class ArchitectureTest {
    /** Build-time tools: run by Maven (exec plugin) and the installer to make the class-data archives. */
    static final DescribedPredicate<JavaClass> BUILD_TOOLS = resideInAPackage("dev.ticket.build..")
            .as("the build's tools");

    /** What {@code ticket serve} may see of the service: the entry point and its options (with nested types). */
    static final DescribedPredicate<JavaClass> SERVE_ENTRY = resideInAPackage("dev.ticket.app")
            .and(name("dev.ticket.app.Serve").or(nameStartingWith("dev.ticket.app.Serve$"))
                    .or(name("dev.ticket.app.ServeOptions")).or(nameStartingWith("dev.ticket.app.ServeOptions$")))
            .as("the serve entry point (app.Serve, app.ServeOptions)");

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ticket");
    }

    @Test
    void layers_depend_only_downwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Main").definedBy("dev.ticket")
                .layer("Build").definedBy(BUILD_TOOLS)
                .layer("Cli").definedBy("dev.ticket.cli..")
                .layer("Tui").definedBy("dev.ticket.tui..")
                .layer("Client").definedBy("dev.ticket.client..")
                .layer("App").definedBy("dev.ticket.app..")
                .layer("Server").definedBy("dev.ticket.server..")
                .layer("Service").definedBy("dev.ticket.service..")
                .layer("Store").definedBy("dev.ticket.store..")
                .layer("Files").definedBy("dev.ticket.files..")
                .layer("Model").definedBy("dev.ticket.model..")
                .whereLayer("Build").mayNotBeAccessedByAnyLayer()
                .whereLayer("Main").mayOnlyBeAccessedByLayers("Build")
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Main", "Build")
                .whereLayer("Tui").mayOnlyBeAccessedByLayers("Cli", "Build")
                .whereLayer("Client").mayOnlyBeAccessedByLayers("Cli", "Tui", "Build")
                .whereLayer("App").mayOnlyBeAccessedByLayers("Cli", "Build")
                .whereLayer("Server").mayOnlyBeAccessedByLayers("App", "Build")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Server", "App", "Build")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Service", "App", "Build")
                .whereLayer("Files").mayOnlyBeAccessedByLayers("Cli", "Server", "Service", "Store", "Build")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Main", "Cli", "Tui", "Client", "App", "Server",
                        "Service", "Store", "Build")
                .check(product);
    }

    @Test
    void only_the_serve_command_reaches_the_service() {
        noClasses().that().resideInAPackage("dev.ticket.cli..")
                .and(DescribedPredicate.not(simpleName("ServeCommand")))
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.ticket.app..", "dev.ticket.server..", "dev.ticket.service..", "dev.ticket.store..")
                .check(product);
    }

    @Test
    void serve_reaches_the_service_through_one_entry_point() {
        noClasses().that().resideInAPackage("dev.ticket.cli..")
                .should().dependOnClassesThat(resideInAnyPackage("dev.ticket.app..", "dev.ticket.server..",
                        "dev.ticket.service..", "dev.ticket.store..").and(DescribedPredicate.not(SERVE_ENTRY))
                        .as("the service's classes other than " + SERVE_ENTRY.getDescription()))
                .check(product);
    }

    @Test
    void the_server_knows_the_rules_not_the_store() {
        noClasses().that().resideInAPackage("dev.ticket.server..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ticket.store..", "dev.ticket.app..")
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
        slices().matching("dev.ticket.(*)..").should().beFreeOfCycles().check(product);
    }

    /** The house rule: no main source file over 400 lines (a longer one is two classes waiting to be split). */
    @Test
    void no_main_source_file_is_over_400_lines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            tooLong = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    long lines = Files.readAllLines(f).size();
                    return lines > 400 ? Stream.of(f + " (" + lines + " lines)") : Stream.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList();
        }
        assertEquals(List.of(), tooLong, "main source files over 400 lines");
    }
}
