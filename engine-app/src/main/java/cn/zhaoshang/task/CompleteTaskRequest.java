package cn.zhaoshang.task;

import java.time.LocalDate;

import cn.zhaoshang.approval.LandingApplication;

/**
 * Completing a step: {@code decision} APPROVE | REJECT | RETURN at approval steps (REJECT and RETURN need an
 * {@code opinion}), RESUBMIT (with the revised {@code application}) | WITHDRAW at the revise step. Meeting
 * steps may add the meeting date and the minutes number.
 */
public record CompleteTaskRequest(String decision, String opinion, LocalDate meetingDate, String minutesNumber,
        LandingApplication application) {
}
