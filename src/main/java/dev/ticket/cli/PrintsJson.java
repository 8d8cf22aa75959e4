package dev.ticket.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The model record whose fields a command prints with {@code --json} (of each element, for a list): what
 * {@link BaseCommand#jsonFields()} answers when the command does not say otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PrintsJson {
    Class<? extends Record> value();

    /**
     * Fields of the record this command never prints. By default the ticket's {@code deduplicated}: only
     * {@code new} can merge into an existing ticket, so only new prints it (and says {@code omit = {}}).
     */
    String[] omit() default {"deduplicated"};
}
