package cn.zhaoshang.system;

import org.springframework.security.core.AuthenticationException;

/** A login refused during Camunda's delay after a wrong password, however right the password was. */
class LoginDelayedException extends AuthenticationException {

    private final long seconds;

    LoginDelayedException(long seconds) {
        super("请 " + seconds + " 秒后再试 / Retry in " + seconds + " s");
        this.seconds = seconds;
    }

    long seconds() {
        return seconds;
    }
}
