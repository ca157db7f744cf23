package cn.zhaoshang.system;

import java.util.List;

import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Users and groups live in Camunda's identity service, so the workbench, the domain API and
 * {@code /engine-rest} share one set of accounts with the Camunda webapps. The identity service hashes
 * passwords and locks an account after {@code login-max-attempts} failures.
 * <p>A refused login says which of three things happened, because the official's next step differs: a wrong password
 * (type it again), the short delay Camunda imposes after a wrong password (wait N seconds; even the right password is
 * refused meanwhile), or an account locked after too many failures (only an administrator can unlock it).
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

    private final IdentityService identityService;
    private final int maxAttempts;

    IdentityAuthenticationProvider(IdentityService identityService, ProcessEngineConfiguration configuration) {
        this.identityService = identityService;
        this.maxAttempts = ((ProcessEngineConfigurationImpl) configuration).getLoginMaxAttempts();
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("用户名或密码错误 / Bad credentials");
        }
        UserEntity before = account(userId);
        if (!identityService.checkPassword(userId, credentials.toString())) {
            throw refusal(before, account(userId));
        }
        List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).unlimitedList().stream()
                .map(Group::getId)
                .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + id))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    /**
     * Why the engine refused, from the account before and after the check: a wrong password is counted (the attempts
     * go up, and reaching the maximum locks the account); a login during the delay is refused without being counted.
     */
    private AuthenticationException refusal(UserEntity before, UserEntity after) {
        if (before == null || after == null) {
            return new BadCredentialsException("用户名或密码错误 / Bad credentials");
        }
        if (after.getAttempts() >= maxAttempts) {
            return new LockedException("账号已锁定 / The account is locked");
        }
        Date until = after.getLockExpirationTime();
        Date now = ClockUtil.getCurrentTime();
        if (after.getAttempts() == before.getAttempts() && until != null && until.after(now)) {
            return new LoginDelayedException(Math.max(1, (until.getTime() - now.getTime() + 999) / 1000));
        }
        return new BadCredentialsException("用户名或密码错误 / Bad credentials");
    }

    private UserEntity account(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user instanceof UserEntity entity ? entity : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
