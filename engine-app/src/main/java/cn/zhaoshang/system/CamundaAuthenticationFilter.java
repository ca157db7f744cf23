package cn.zhaoshang.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the engine act as the caller: after Spring Security has authenticated the request, the user and
 * their groups become the engine's current authentication, so Camunda's authorization checks apply to
 * every engine call made while serving it ({@code /engine-rest} and the domain API alike).
 */
class CamundaAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    CamundaAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groupIds = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(IdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX))
                .map(a -> a.substring(IdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX.length()))
                .toList();
        identityService.setAuthentication(authentication.getName(), groupIds);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
