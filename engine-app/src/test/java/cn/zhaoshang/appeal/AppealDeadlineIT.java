package cn.zhaoshang.appeal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.zhaoshang.support.LifecycleIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * chenzhou §15 with the real beans and the official calendar: an appeal received the day before the 2026 National Day
 * break is due 7 working days after receipt — 1–7 October skipped, the make-up Saturday 10 October counted — on
 * 2026-10-15; accepting it after the break does not move the deadline. The engine clock is moved for the test only:
 * the ITs share one context and a running job executor.
 */
class AppealDeadlineIT extends LifecycleIT {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void receivedBeforeNationalDay_dueOnTheSeventhWorkingDay_acceptedAfterTheBreak_deadlineUnchanged() {
        ClockUtil.setCurrentTime(beijing("2026-09-30T16:30:00"));
        Response created = post("/api/appeals", "center", Map.of("companyName", "磐安县玉山茶业有限公司", "kind", "REQUEST",
                "subject", "茶叶初制厂用电增容", "content", "新建初制车间需增容至 630 千伏安，申请协调供电公司", "projectId",
                negotiatingProject("磐安县玉山茶业有限公司", "高山茶初制厂")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long appealId = created.json().get("id").asLong();
        String process = created.json().get("processInstanceId").asText();
        Date dueAt = beijing("2026-10-15T23:59:59");

        assertThat(created.json().get("answerDueOn").asText()).isEqualTo("2026-10-15");
        assertThat(runtimeService.getVariable(process, EnterpriseAppeal.Var.ANSWER_DUE_AT)).isEqualTo(dueAt);

        // accepted on the first working day after the break: the 5 days it waited count
        ClockUtil.setCurrentTime(beijing("2026-10-08T09:00:00"));
        completeOk("center", task(process, EnterpriseAppeal.Step.ACCEPT), Map.of("decision", "ACCEPT",
                "assignedGroup", "carrier", "opinion", "请落户载体协调供电公司"));
        Task handle = task(process, EnterpriseAppeal.Step.HANDLE);
        assertThat(handle.getDueDate()).isEqualTo(dueAt);
        assertThat(managementService.createJobQuery().processInstanceId(process).timers()
                .activityId("Timer_AppealOverdue").singleResult().getDuedate()).isEqualTo(dueAt);
        assertThat(get("/api/appeals/" + appealId, "center").json().get("answerDueOn").asText()).isEqualTo("2026-10-15");

        // answered on the due day: in time, the overdue timer goes with the task
        ClockUtil.setCurrentTime(beijing("2026-10-15T17:00:00"));
        completeOk("carrier", handle, Map.of("answer", "已协调供电公司，10月20日前完成增容"));
        assertThat(managementService.createJobQuery().processInstanceId(process).count()).isZero();
        assertThat(get("/api/appeals/" + appealId, "center").json().get("status").asText()).isEqualTo("ANSWERED");
    }

    private static Date beijing(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }
}
