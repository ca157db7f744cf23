package cn.zhaoshang.approval;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;

import cn.zhaoshang.system.ApiError.FieldError;

/**
 * Thrown inside the engine (start form, revise form, step completion) when what a person entered is invalid.
 * Camunda's REST API answers it with 400 and the Tasklist shows the message; the domain API maps it to the
 * usual field errors. The whole engine transaction rolls back, so nothing half-written remains.
 */
public class InvalidApplicationException extends BadUserRequestException {

    private final transient List<FieldError> errors;

    public InvalidApplicationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
