package cn.zhaoshang.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Idempotency-Key filter on the domain API, after Spring Security has named the caller. */
@Configuration
class IdempotencyConfig {

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotentRequestMapper requests,
            @Value("${zhaoshang.idempotency.keep-hours:24}") long keepHours) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(requests, keepHours));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
