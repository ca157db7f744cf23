package cn.zhaoshang.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.support.AppIT;

import static org.assertj.core.api.Assertions.assertThat;

/** Who gets in where: 401 without credentials, 403 without the right, deployments by admin only. */
class SecurityIT extends AppIT {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identityService;

    @Test
    void withoutCredentials_domainApiAndEngineRestAnswer401WithJson() {
        for (String path : List.of("/api/tasks", "/engine-rest/task", "/engine-rest/deployment")) {
            Response response = get(path, null);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.json().get("error").asText()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void wrongPassword_is401() {
        // a user of its own: a failed login delays that account's next login (Camunda's login throttling)
        if (identityService.createUserQuery().userId("lockcheck").count() == 0) {
            var user = identityService.newUser("lockcheck");
            user.setFirstName("锁定检查");
            user.setPassword("demo");
            identityService.saveUser(user);
        }
        Response response = send(request("/api/tasks", null).header("Authorization", basic("lockcheck", "wrong")).GET().build());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void nonAdmin_cannotDeploy_evenWithValidCredentials() throws IOException {
        for (String user : List.of("center", "countyhead", "carrier")) {
            Response response = deployLikeModeler(user, modelerCheck("v-" + user));
            assertThat(response.status()).as(user).isEqualTo(403);
        }
        assertThat(repositoryService.createDeploymentQuery().deploymentName("modeler-check-by-center").count()).isZero();
    }

    @Test
    void admin_deploysLikeCamundaModeler_andTheNewVersionStarts() throws IOException {
        long before = repositoryService.createProcessDefinitionQuery().processDefinitionKey("Process_ModelerCheck").count();
        Response deployed = deployLikeModeler("admin", modelerCheck("第一版"));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        Response redeployed = deployLikeModeler("admin", modelerCheck("第二版"));
        assertThat(redeployed.status()).isEqualTo(200);
        assertThat(redeployed.json().get("deployedProcessDefinitions").size()).isEqualTo(1);
        String newDefinitionId = redeployed.json().get("deployedProcessDefinitions").fieldNames().next();

        Response started = post("/engine-rest/process-definition/key/Process_ModelerCheck/start", "admin", java.util.Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("definitionId").asText()).isEqualTo(newDefinitionId);
        assertThat(repositoryService.getProcessDefinition(newDefinitionId).getVersion()).isEqualTo((int) before + 2);
        assertThat(taskService.createTaskQuery().processInstanceId(started.json().get("id").asText()).singleResult()
                .getName()).isEqualTo("检查第二版");
    }

    @Test
    void firstRunAdminSetup_isClosed() {
        String id = "intruder" + UUID.randomUUID().toString().substring(0, 8);
        Response response = post("/camunda/api/admin/setup/default/user/create", null,
                java.util.Map.of("profile", java.util.Map.of("id", id, "firstName", "x", "lastName", "y", "email", "x@y.z"),
                        "credentials", java.util.Map.of("password", "password1234")));
        assertThat(response.status()).isIn(401, 403);
        assertThat(identityService.createUserQuery().userId(id).count()).isZero();
    }

    @Test
    void responsesCarrySecurityHeaders() {
        Response response = get("/api/tasks", "center");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    private Response deployLikeModeler(String user, byte[] bpmn) {
        String boundary = "----CamundaModelerBoundary" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        part(head, boundary, "deployment-name", "modeler-check-by-" + user);
        part(head, boundary, "deployment-source", "Camunda Modeler");
        part(head, boundary, "deploy-changed-only", "false");
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"modeler-check.bpmn\"; filename=\"modeler-check.bpmn\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + bpmn.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(bpmn, 0, body, start.length, bpmn.length);
        System.arraycopy(end, 0, body, start.length + bpmn.length, end.length);
        return send(request("/engine-rest/deployment/create", null)
                .header("Authorization", basic(user, "demo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static void part(StringBuilder body, String boundary, String name, String value) {
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n");
    }

    private static byte[] modelerCheck(String version) throws IOException {
        try (InputStream in = SecurityIT.class.getResourceAsStream("/modeler/modeler-check-v1.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("VERSION", version)
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
