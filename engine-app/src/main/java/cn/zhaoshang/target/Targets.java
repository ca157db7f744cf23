package cn.zhaoshang.target;

/**
 * Names shared by {@code process-models/TargetDecomposition.bpmn} (目标任务分解与调整), its forms and the Java code.
 *
 * <p>Seeds: chenzhou-2017 §1 (总量指标任务分解到各县市区、园区；微调报请审定后下发实施), §18 (驻外招商机构目标任务).
 */
public final class Targets {

    private Targets() {
    }

    public static final String PROCESS_KEY = "Process_TargetDecomposition";

    public static final class Var {
        private Var() {
        }

        public static final String PLAN_ID = "planId";
        public static final String YEAR = "year";
        /** DECOMPOSITION | ADJUSTMENT. */
        public static final String PLAN_KIND = "planKind";
        /** the plan as the county head reads it (county targets, unit targets, changes with their reason). */
        public static final String PLAN_SUMMARY = "planSummary";
        /** APPROVE | RETURN on Task_ApproveTargets; RESUBMIT | WITHDRAW on Task_ReviseTargets. */
        public static final String DECISION = "decision";
        public static final String OPINION = "opinion";
        /** the county head's opinion when returning, shown on the revision form. */
        public static final String RETURN_OPINION = "returnOpinion";
        public static final String NOTE = "note";
    }

    public static final class Step {
        private Step() {
        }

        public static final String APPROVE = "Task_ApproveTargets";
        public static final String REVISE = "Task_ReviseTargets";
    }

    public static final class Form {
        private Form() {
        }

        public static final String APPROVE = "form_targets_approve";
        public static final String REVISE = "form_targets_revise";
    }

    public static final class Bean {
        private Bean() {
        }

        public static final String RECORD_DECISION = "recordTargetDecisionListener";
        public static final String REVISE = "reviseTargetsListener";
        public static final String APPLY = "applyTargetsDelegate";
        public static final String WITHDRAW = "withdrawTargetsDelegate";
    }
}
