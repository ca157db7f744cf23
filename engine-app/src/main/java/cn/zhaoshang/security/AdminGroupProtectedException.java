package cn.zhaoshang.security;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The last member of an administrators group may not leave it, and the group may not be deleted: /engine-rest answers
 * 409 (system/EngineRestConfig), the webapps' own engine API 400, both with this message.
 */
public class AdminGroupProtectedException extends BadUserRequestException {

    private static final long serialVersionUID = 1L;

    AdminGroupProtectedException(String message) {
        super(message);
    }
}
