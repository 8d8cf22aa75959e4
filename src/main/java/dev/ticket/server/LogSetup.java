package dev.ticket.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's log, set up in code (Logback's XML configuration costs start-up time): one line per event on
 * standard error, the service's own loggers ({@code ticket.*}) at info and the libraries' at warn. As text by
 * default ({@code 2026-12-06T10:00:00.123Z INFO ticket.http - method=GET ...}), or with {@link #use} one JSON
 * object a line ({@code time}, {@code level}, {@code logger}, {@code message} and the request's fields).
 * Found by Logback through {@code META-INF/services}.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    public static final String TEXT = "text";
    public static final String JSON = "json";
    private static final String APPENDER = "stderr";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        context.getLogger("ticket").setLevel(Level.INFO);
        attach(context, text(context));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Switches the log to {@code format} ({@link #TEXT} or {@link #JSON}); nothing when logging is off. */
    public static void use(String format) {
        LoggerContext context = context();
        if (context != null) {
            attach(context, JSON.equals(format) ? json(context) : text(context));
        }
    }

    /** Logback's context, waiting out an initialisation under way on another thread (the service's preload). */
    private static LoggerContext context() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        while (!(factory instanceof LoggerContext) && factory.getClass().getName().contains("Substitute")
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            factory = LoggerFactory.getILoggerFactory();
        }
        return factory instanceof LoggerContext context ? context : null;
    }

    private static void attach(LoggerContext context, Encoder<ILoggingEvent> encoder) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %level %logger - %msg%n");
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setTimeZone("UTC");
        LogstashFieldNames names = encoder.getFieldNames();
        names.setTimestamp("time");
        names.setLogger("logger");
        names.setThread("thread");
        names.setVersion("[ignore]");
        names.setLevelValue("[ignore]");
        encoder.start();
        return encoder;
    }
}
