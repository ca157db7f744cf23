package cn.zhaoshang.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The groups whose members read every lead, project, appeal and meeting (application.yaml
 * {@code zhaoshang.data-scope.county-wide-groups}); an administrator adds a group there, not in Java. Without the
 * setting nobody reads everything: a missing line narrows, it never opens.
 */
@ConfigurationProperties(prefix = "zhaoshang.data-scope")
public record DataScopeProperties(List<String> countyWideGroups) {

    public DataScopeProperties {
        countyWideGroups = countyWideGroups == null ? List.of() : List.copyOf(countyWideGroups);
    }
}
