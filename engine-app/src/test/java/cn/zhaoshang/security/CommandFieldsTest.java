package cn.zhaoshang.security;

import java.util.Map;

import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Camunda command fields the guards and the audit read: an upgrade that renames one fails here. */
class CommandFieldsTest {

    @Test
    void everyFieldTheGuardsReadExists() {
        Map<Class<?>, String[]> fields = Map.ofEntries(
                Map.entry(SaveUserCmd.class, new String[] {"user"}),
                Map.entry(DeleteUserCmd.class, new String[] {"userId"}),
                Map.entry(UnlockUserCmd.class, new String[] {"userId"}),
                Map.entry(SaveGroupCmd.class, new String[] {"group"}),
                Map.entry(DeleteGroupCmd.class, new String[] {"groupId"}),
                Map.entry(CreateMembershipCmd.class, new String[] {"userId", "groupId"}),
                Map.entry(DeleteMembershipCmd.class, new String[] {"userId", "groupId"}),
                Map.entry(SaveAuthorizationCmd.class, new String[] {"authorization"}),
                Map.entry(DeleteAuthorizationCmd.class, new String[] {"authorizationId"}),
                Map.entry(DeleteDeploymentCmd.class, new String[] {"deploymentId", "cascade"}),
                Map.entry(SaveFilterCmd.class, new String[] {"filter"}),
                Map.entry(AbstractExecuteFilterCmd.class, new String[] {"filterId", "extendingQuery"}));
        fields.forEach((type, names) -> {
            for (String name : names) {
                assertThat(CommandFields.find(type, name)).as(type.getSimpleName() + "." + name).isNotNull();
            }
        });
        assertThat(CommandFields.read(new DeleteMembershipCmd("u", "g"), "groupId", String.class)).isEqualTo("g");
    }
}
