package cn.zhaoshang.ledger;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import cn.zhaoshang.lead.LeadStatus;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerStageTest {

    @Test
    void everyLeadAndProjectStatus_isInExactlyOneStage() {
        for (LeadStatus status : LeadStatus.values()) {
            assertThat(Arrays.stream(LedgerStage.values()).filter(s -> s.leadStatuses().contains(status)))
                    .as("stages of lead status %s", status).hasSize(1);
        }
        for (ProjectStatus status : ProjectStatus.values()) {
            assertThat(Arrays.stream(LedgerStage.values()).filter(s -> s.projectStatuses().contains(status)))
                    .as("stages of project status %s", status).hasSize(1);
        }
        assertThat(LedgerStage.ofProject(ProjectStatus.RETURNED)).isEqualTo(LedgerStage.APPROVAL);
        assertThat(LedgerStage.ofLead(LeadStatus.RETURNED)).isEqualTo(LedgerStage.SCREENING);
    }
}
