package cn.zhaoshang.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.support.AppIT;
import cn.zhaoshang.support.Race;
import cn.zhaoshang.support.Webapp;
import cn.zhaoshang.system.Groups;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second Camunda 7.24 CE advisory: the Admin webapp's first-run setup creates an administrator for anyone while
 * {@code camunda-admin} is empty. The setup endpoint is unreachable, with or without a login, and neither
 * administrators group can become empty: removing the last member, deleting the group or deleting the last
 * administrator answers 409 (/engine-rest) and is audited as refused.
 */
class AdminGroupsIT extends AppIT {

    @Autowired
    IdentityService identityService;
    @Autowired
    AuditLog auditLog;

    @Test
    void theFirstRunSetup_isUnreachable_withOrWithoutLogin() throws Exception {
        String intruder = "intruder" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.of("profile", Map.of("id", intruder, "firstName", "x", "lastName", "y",
                "email", "x@example.com"), "credentials", Map.of("password", "Passw0rd-1234"));
        for (String path : List.of("/camunda/api/admin/setup/default/user/create",
                "/camunda/api/admin/setup/default/user/create/", "/camunda/api/admin/setup/%64efault/user/create",
                "/camunda/api/admin/%73etup/default/user/create", "/camunda/api/admin/./setup/default/user/create")) {
            assertThat(post(path, null, body).status()).as("anonymous " + path).isIn(400, 401, 403, 404);
            assertThat(post(path, "admin", body).status()).as("basic auth " + path).isIn(400, 401, 403, 404);
        }
        Webapp admin = new Webapp(port, "admin");
        HttpResponse<String> withSession = admin.post("/camunda/api/admin/setup/default/user/create", body);
        assertThat(withSession.statusCode()).as(withSession.body()).isIn(403, 404);
        assertThat(identityService.createUserQuery().userId(intruder).count()).isZero();
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isPositive();
    }

    @Test
    void theLastAdministrator_cannotLeave_norBeDeleted_norTheGroups() throws Exception {
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
                .extracting(User::getId).containsExactly("admin");
        for (String group : AdminGroups.PROTECTED) {
            assertConflict(delete("/engine-rest/group/" + group + "/members/admin", "admin"), "最后一名成员");
            assertConflict(delete("/engine-rest/group/" + group, "admin"), "不能删除");
        }
        assertConflict(delete("/engine-rest/user/admin", "admin"), "最后一名成员");
        assertThat(identityService.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isOne();
        assertThat(identityService.createUserQuery().userId("admin").memberOfGroup(Groups.ADMIN).count()).isOne();
        assertThat(auditLog.search(null, null, "admin", AuditAction.MEMBERSHIP_REMOVED.name(), 0, 200))
                .anySatisfy(entry -> {
                    assertThat(entry.outcome()).isEqualTo(AuditEntry.REFUSED);
                    assertThat(entry.target()).isEqualTo("admin → " + Groups.CAMUNDA_ADMIN);
                });

        // the Admin webapp's own engine API: the same refusal (Camunda maps it to 400 there; the message says why)
        Webapp webapp = new Webapp(port, "admin");
        HttpResponse<String> viaWebapp = webapp.delete(Webapp.ENGINE_API + "/group/camunda-admin/members/admin");
        assertThat(viaWebapp.statusCode()).isIn(400, 409);
        assertThat(viaWebapp.body()).contains("最后一名成员").contains("last member");
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isOne();
    }

    @Test
    void anotherAdministrator_mayLeave_whileOneRemains() {
        String second = "admintwo" + UUID.randomUUID().toString().substring(0, 6);
        user(second, Groups.CAMUNDA_ADMIN);
        assertThat(put("/engine-rest/group/" + Groups.ADMIN + "/members/" + second, "admin", Map.of()).status())
                .isEqualTo(204);
        assertThat(delete("/engine-rest/group/" + Groups.CAMUNDA_ADMIN + "/members/" + second, "admin").status())
                .isEqualTo(204);
        assertThat(delete("/engine-rest/user/" + second, "admin").status()).isEqualTo(204);
        assertThat(identityService.createUserQuery().userId(second).count()).isZero();
    }

    /** Two administrators removing the group's last two members at once: one of them stays. */
    @Test
    void twoRemovalsAtOnce_leaveOneMember() throws Exception {
        String second = "adminthree" + UUID.randomUUID().toString().substring(0, 6);
        user(second, Groups.CAMUNDA_ADMIN);
        for (int round = 0; round < 3; round++) {
            if (identityService.createUserQuery().userId(second).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
                identityService.createMembership(second, Groups.CAMUNDA_ADMIN);
            }
            List<Integer> statuses = Race.run(
                    () -> delete("/engine-rest/group/camunda-admin/members/admin", "admin").status(),
                    () -> delete("/engine-rest/group/camunda-admin/members/" + second, "admin").status());
            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(204, 409);
            assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isOne();
            if (identityService.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
                identityService.createMembership("admin", Groups.CAMUNDA_ADMIN);
            }
        }
        identityService.deleteMembership(second, Groups.CAMUNDA_ADMIN);
        identityService.deleteUser(second);
        assertThat(identityService.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isOne();
    }

    private void user(String id, String group) {
        User user = identityService.newUser(id);
        user.setFirstName("管理员");
        user.setLastName("二");
        user.setPassword("demo");
        identityService.saveUser(user);
        identityService.createMembership(id, group);
    }

    private static void assertConflict(Response response, String why) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.json().get("message").asText()).contains(why).contains(" / ");
        assertThat(response.body()).doesNotContain("\tat ");
    }
}
