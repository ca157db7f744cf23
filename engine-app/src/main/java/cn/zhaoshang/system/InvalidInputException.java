package cn.zhaoshang.system;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;

import cn.zhaoshang.system.ApiError.FieldError;

/**
 * Thrown inside the engine (start forms, task listeners) when what a person entered is invalid. Camunda's REST
 * API answers it with 400 and the Tasklist shows the message; the domain API maps it to the usual field errors.
 * The whole engine transaction rolls back, so nothing half-written remains.
 */
public class InvalidInputException extends BadUserRequestException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    /** The engine wraps what a listener throws ("Exception while invoking TaskListener"); this finds it again. */
    public static java.util.Optional<InvalidInputException> findIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidInputException invalid) {
                return java.util.Optional.of(invalid);
            }
        }
        return java.util.Optional.empty();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
