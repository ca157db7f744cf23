package cn.zhaoshang.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.annotations.Delete;

/** Tables {@code target_metric}, {@code target_plan}, {@code target_plan_item}, {@code unit_target}, {@code target_change}. */
@Mapper
public interface TargetMapper {

    // ---- metrics

    @Select("SELECT * FROM target_metric ORDER BY sort_order, code")
    List<TargetMetric> findMetrics();

    @Select("SELECT * FROM target_metric WHERE code = #{code}")
    Optional<TargetMetric> findMetric(String code);

    @Select("SELECT COALESCE(MAX(sort_order), 0) FROM target_metric")
    int maxSortOrder();

    @Insert("""
            INSERT INTO target_metric (code, name, unit_label, kind, min_investment_wan, project_category, industry,
                                       sort_order, active, builtin, created_by, created_at)
            VALUES (#{code}, #{name}, #{unitLabel}, #{kind}, #{minInvestmentWan}, #{projectCategory}, #{industry},
                    #{sortOrder}, #{active}, #{builtin}, #{createdBy}, #{createdAt})""")
    void insertMetric(TargetMetric metric);

    @Update("UPDATE target_metric SET active = #{active} WHERE code = #{code}")
    int setMetricActive(@Param("code") String code, @Param("active") boolean active);

    // ---- plans

    @Insert("""
            INSERT INTO target_plan (plan_year, kind, status, reason, drafted_by, drafted_at, open_year)
            VALUES (#{year}, #{kind}, 'IN_APPROVAL', #{reason}, #{draftedBy}, #{draftedAt}, #{year})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertPlan(NewPlan plan);

    /** The mutable row MyBatis fills the generated id into. */
    final class NewPlan {
        public Long id;
        public final int year;
        public final String kind;
        public final String reason;
        public final String draftedBy;
        public final Instant draftedAt;

        public NewPlan(int year, String kind, String reason, String draftedBy, Instant draftedAt) {
            this.year = year;
            this.kind = kind;
            this.reason = reason;
            this.draftedBy = draftedBy;
            this.draftedAt = draftedAt;
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public int getYear() {
            return year;
        }

        public String getKind() {
            return kind;
        }

        public String getReason() {
            return reason;
        }

        public String getDraftedBy() {
            return draftedBy;
        }

        public Instant getDraftedAt() {
            return draftedAt;
        }
    }

    @Update("UPDATE target_plan SET process_instance_id = #{processInstanceId} WHERE id = #{id}")
    void attachProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    @Select("SELECT * FROM target_plan WHERE id = #{id}")
    Optional<TargetPlan> findPlan(long id);

    @Select("SELECT * FROM target_plan WHERE plan_year = #{year} ORDER BY id DESC")
    List<TargetPlan> findPlans(int year);

    @Select("SELECT * FROM target_plan ORDER BY id DESC LIMIT #{limit}")
    List<TargetPlan> findRecentPlans(int limit);

    /** From one open state to the next; 0 when someone else changed it first. */
    @Update("""
            UPDATE target_plan SET status = #{to}, decided_by = #{by}, decided_at = #{at}, opinion = #{opinion},
                   open_year = CASE WHEN #{to} IN ('APPROVED', 'WITHDRAWN') THEN NULL ELSE open_year END
             WHERE id = #{id} AND status = #{from}""")
    int decide(@Param("id") long id, @Param("from") String from, @Param("to") String to, @Param("by") String by,
            @Param("at") Instant at, @Param("opinion") String opinion);

    /** RETURNED → IN_APPROVAL when the center resubmits; 0 when it was not returned. */
    @Update("UPDATE target_plan SET status = 'IN_APPROVAL' WHERE id = #{id} AND status = 'RETURNED'")
    int resubmit(long id);

    @Update("UPDATE target_plan SET reason = #{reason} WHERE id = #{id}")
    void updateReason(@Param("id") long id, @Param("reason") String reason);

    @Insert("""
            INSERT INTO target_plan_item (plan_id, unit_code, metric_code, target_value)
            VALUES (#{planId}, #{item.unitCode}, #{item.metricCode}, #{item.targetValue})""")
    void insertItem(@Param("planId") long planId, @Param("item") PlanItem item);

    @Delete("DELETE FROM target_plan_item WHERE plan_id = #{planId}")
    void deleteItems(long planId);

    @Select("SELECT unit_code, metric_code, target_value FROM target_plan_item WHERE plan_id = #{planId} ORDER BY unit_code, metric_code")
    List<PlanItem> findItems(long planId);

    // ---- targets in effect and their history

    @Select("SELECT * FROM unit_target WHERE target_year = #{year} ORDER BY unit_code, metric_code")
    List<UnitTarget> findTargets(int year);

    @Select("SELECT * FROM unit_target WHERE target_year = #{year} AND unit_code = #{unit} AND metric_code = #{metric}")
    Optional<UnitTarget> findTarget(@Param("year") int year, @Param("unit") String unit, @Param("metric") String metric);

    @Insert("""
            INSERT INTO unit_target (target_year, unit_code, metric_code, target_value, plan_id, updated_at)
            VALUES (#{year}, #{unit}, #{metric}, #{value}, #{planId}, #{at})""")
    void insertTarget(@Param("year") int year, @Param("unit") String unit, @Param("metric") String metric,
            @Param("value") BigDecimal value, @Param("planId") long planId, @Param("at") Instant at);

    @Update("""
            UPDATE unit_target SET target_value = #{value}, plan_id = #{planId}, updated_at = #{at}
             WHERE target_year = #{year} AND unit_code = #{unit} AND metric_code = #{metric}""")
    int updateTarget(@Param("year") int year, @Param("unit") String unit, @Param("metric") String metric,
            @Param("value") BigDecimal value, @Param("planId") long planId, @Param("at") Instant at);

    @Insert("""
            INSERT INTO target_change (target_year, unit_code, metric_code, old_value, new_value, reason, plan_id, requested_by,
                                       approved_by, changed_at)
            VALUES (#{targetYear}, #{unitCode}, #{metricCode}, #{oldValue}, #{newValue}, #{reason}, #{planId}, #{requestedBy},
                    #{approvedBy}, #{changedAt})""")
    void insertChange(TargetChange change);

    @Select("SELECT * FROM target_change WHERE target_year = #{year} ORDER BY changed_at DESC, id DESC")
    List<TargetChange> findChanges(int year);
}
