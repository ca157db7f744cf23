package cn.zhaoshang.system;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.zhaoshang.security.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Roles, grants and the first administrator, on a real (in-memory) engine. */
class IdentitySetupTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-test.cfg.xml").build();

    ProcessEngine processEngine;

    @AfterEach
    void clean() {
        IdentityService identity = processEngine.getIdentityService();
        identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
        identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
        AuthorizationService authorizations = processEngine.getAuthorizationService();
        authorizations.createAuthorizationQuery().list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
        FilterService filters = processEngine.getFilterService();
        filters.createFilterQuery().list().forEach(f -> filters.deleteFilter(f.getId()));
    }

    @Test
    void outsideTheDemoProfile_thereIsNoDefaultPassword_andStartIsRefusedWithoutOne() {
        assertThatThrownBy(() -> setup(false, "").run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZHAOSHANG_ADMIN_PASSWORD");
        assertThat(processEngine.getIdentityService().createUserQuery().count()).isZero();
    }

    @Test
    void theFirstAdministrator_comesFromTheEnvironment_andMayDeploy() {
        setup(false, "s3cret-Passw0rd").run(null);
        IdentityService identity = processEngine.getIdentityService();
        assertThat(identity.checkPassword("admin", "s3cret-Passw0rd")).isTrue();
        assertThat(identity.checkPassword("admin", "demo")).isFalse();
        assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMIN).count()).isOne();
        // the test engine runs without authorization checks; turn them on to ask who may deploy
        processEngine.getProcessEngineConfiguration().setAuthorizationEnabled(true);
        try {
            assertMayDeployOnlyAsAdmin();
        } finally {
            processEngine.getProcessEngineConfiguration().setAuthorizationEnabled(false);
        }
    }

    private void assertMayDeployOnlyAsAdmin() {
        assertThat(processEngine.getAuthorizationService()
                .isUserAuthorized("admin", java.util.List.of(Groups.ADMIN), Permissions.CREATE, Resources.DEPLOYMENT)).isTrue();
        assertThat(processEngine.getAuthorizationService()
                .isUserAuthorized("someone", java.util.List.of(Groups.INVESTMENT_CENTER), Permissions.CREATE, Resources.DEPLOYMENT))
                .isFalse();
    }

    @Test
    void demoProfile_createsOneUserPerRole_andRunningTwiceChangesNothing() {
        setup(true, "").run(null);
        long users = processEngine.getIdentityService().createUserQuery().count();
        long grants = processEngine.getAuthorizationService().createAuthorizationQuery().count();
        setup(true, "").run(null);
        // one per role: the 13 of the foundation, the four consulted departments, finance (incentive awards), a unit's
        // head and an outside office's officer (assessment)
        assertThat(users).isEqualTo(DemoUsers.ALL.size()).isEqualTo(20);
        assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(grants);
        assertThat(processEngine.getFilterService().createFilterQuery().count()).isEqualTo(2);
        assertThat(processEngine.getIdentityService().checkPassword("deputy", "demo")).isTrue();
    }

    /** An empty administrators group would open Camunda's first-run setup: at start-up it is filled from the other. */
    @Test
    void anEmptyAdministratorsGroup_isRepairedAtStartUp_fromTheOther() {
        setup(false, "s3cret-Passw0rd").run(null);
        IdentityService identity = processEngine.getIdentityService();
        identity.deleteMembership("admin", Groups.CAMUNDA_ADMIN); // as an old version or the database could leave it
        AuditLog audit = org.mockito.Mockito.mock(AuditLog.class);
        setup(false, "", audit).run(null);
        assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).singleResult().getId())
                .isEqualTo("admin");
        org.mockito.Mockito.verify(audit).record(org.mockito.ArgumentMatchers.eq(AuditLog.SYSTEM),
                org.mockito.ArgumentMatchers.eq(cn.zhaoshang.security.AuditAction.ADMIN_GROUP_REPAIRED),
                org.mockito.ArgumentMatchers.eq(Groups.CAMUNDA_ADMIN), org.mockito.ArgumentMatchers.contains("admin"));
    }

    private IdentitySetup setup(boolean demo, String adminPassword) {
        return setup(demo, adminPassword, org.mockito.Mockito.mock(AuditLog.class));
    }

    private IdentitySetup setup(boolean demo, String adminPassword, AuditLog audit) {
        return new IdentitySetup(processEngine.getIdentityService(), processEngine.getAuthorizationService(),
                processEngine.getFilterService(), processEngine.getTaskService(), audit, demo, "admin", adminPassword);
    }
}
