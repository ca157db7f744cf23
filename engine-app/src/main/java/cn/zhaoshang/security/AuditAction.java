package cn.zhaoshang.security;

/** What an administrator did (the {@code action} column of {@code audit_log}). */
public enum AuditAction {
    DEPLOYMENT_CREATED,
    /** refused by the deployment rule ({@link ModelRules}): recorded although nothing was deployed */
    DEPLOYMENT_REFUSED,
    DEPLOYMENT_DELETED,
    USER_CREATED,
    USER_UPDATED,
    USER_DELETED,
    USER_UNLOCKED,
    GROUP_CREATED,
    GROUP_UPDATED,
    GROUP_DELETED,
    MEMBERSHIP_ADDED,
    MEMBERSHIP_REMOVED,
    AUTHORIZATION_CREATED,
    AUTHORIZATION_UPDATED,
    AUTHORIZATION_DELETED,
    /** an empty administrators group filled again at start-up ({@code system/IdentitySetup}) */
    ADMIN_GROUP_REPAIRED,
    /** 归属更正 of a lead ({@code lead/LeadService#correctAttribution}) */
    ATTRIBUTION_CORRECTED,
    /** an incentive award paid out ({@code incentive/RecordPayoutListener}): amount, payee, voucher, basis */
    INCENTIVE_PAID,
    /** an earlier version of a process re-deployed as the newest ({@code governance/ProcessVersions#rollBack}) */
    PROCESS_ROLLED_BACK,
    /** running instances migrated to another version, as a batch ({@code governance/ProcessMigrations#execute}) */
    INSTANCES_MIGRATED,
    /** a target metric added or switched on/off by an administrator ({@code target/TargetController}) */
    TARGET_METRIC_CHANGED,
    /** a decomposition or adjustment of the annual targets approved by the county head and in effect */
    TARGETS_APPROVED,
    /** an outside office's region and posting dates set or changed ({@code assessment/OfficePostings}) */
    OFFICE_POSTING_CHANGED
}
