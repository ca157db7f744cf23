package cn.zhaoshang.ledger;

/**
 * 督办 by the supervision office (督考办, group {@code supervision}), in whichever model escalates to it: chenzhou §3
 * (招商项目审批手续由督查室全程督办) for overdue legal reviews, tongcheng §22 (诉求受理、交办、督办、反馈) for enterprise
 * appeals. Every 督办 task binds {@link #RECORD_LISTENER} on {@code complete}; these are the names it relies on.
 */
public final class Supervision {

    private Supervision() {
    }

    /** {@code ${recordSupervisionListener}}: the 督办意见 into the ledger. */
    public static final String RECORD_LISTENER = "recordSupervisionListener";

    /** Ledger event type of a 督办意见. */
    public static final String SUPERVISED = "SUPERVISED";

    /**
     * 督办事项, what the office is asked to supervise: set by the escalation that opens the 督办 task and copied into the
     * task by its input mapping, so a later escalation in the same instance does not change an open task's matter.
     */
    public static final String MATTER = "supervisedMatter";

    /** 督办意见, a task-local variable of the 督办 task; required. */
    public static final String OPINION = "opinion";

    public static final int OPINION_MAX_LENGTH = 2000;

    /** The process variables that say what the event belongs to: the project, the enterprise appeal, or both. */
    public static final String PROJECT_ID = "projectId";
    public static final String APPEAL_ID = "appealId";
}
