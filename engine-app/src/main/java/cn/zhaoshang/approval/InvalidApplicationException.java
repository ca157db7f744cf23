package cn.zhaoshang.approval;

import java.util.List;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.InvalidInputException;

/** An invalid landing application met inside the engine (start form, revise form): 400, nothing stored. */
public class InvalidApplicationException extends InvalidInputException {

    public InvalidApplicationException(List<FieldError> errors) {
        super(errors);
    }
}
