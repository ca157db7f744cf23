package cn.zhaoshang.incentive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import cn.zhaoshang.security.DataScope;

/**
 * Table {@code incentive_claim}. Every status change is conditional on the status it leaves, so a step is recorded
 * once; the basis is held in {@code active_basis_key} (unique) until a rejection or "not eligible" releases it. The
 * list and the scope check are in IncentiveClaimMapper.xml (they include the data-scope fragments of VisibilityMapper).
 */
@Mapper
public interface IncentiveClaimMapper {

    String SELECT = """
            SELECT c.*, p.company_name, p.project_name
              FROM incentive_claim c LEFT JOIN project p ON p.id = c.project_id""";

    @Insert("""
            INSERT INTO incentive_claim (award_type, project_id, claimant_name, award_year, source_country,
                                         claimed_paid_in_usd_wan, exchange_rate, claim_note, basis_key, active_basis_key,
                                         status, submitted_by, process_instance_id, created_at, updated_at)
            VALUES (#{awardType}, #{projectId}, #{claimantName}, #{awardYear}, #{sourceCountry}, #{claimedPaidInUsdWan},
                    #{exchangeRate}, #{claimNote}, #{basisKey}, #{basisKey}, 'SUBMITTED', #{submittedBy},
                    #{processInstanceId}, #{createdAt}, #{createdAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(NewClaim claim);

    @Select(SELECT + " WHERE c.id = #{id}")
    Optional<Claim> findById(long id);

    /** The claim that holds this basis now (open or paid), if any. */
    @Select(SELECT + " WHERE c.active_basis_key = #{basisKey}")
    Optional<Claim> findHolder(String basisKey);

    @Select(SELECT + " WHERE c.project_id = #{projectId} ORDER BY c.id")
    List<Claim> findByProject(long projectId);

    @Select("SELECT COUNT(*) FROM incentive_claim WHERE voucher_number = #{voucherNumber}")
    int countVoucher(String voucherNumber);

    /** Claims the caller may read, newest first (IncentiveClaimMapper.xml). {@code all}: the caller reads every claim. */
    List<Claim> list(@Param("scope") DataScope scope, @Param("all") boolean all, @Param("status") ClaimStatus status,
            @Param("awardType") AwardType awardType, @Param("projectId") Long projectId, @Param("limit") int limit);

    long countVisible(@Param("scope") DataScope scope, @Param("all") boolean all, @Param("id") long id);

    @Select("""
            SELECT p.id AS project_id, p.company_name, p.project_name, p.lead_id, l.foreign_capital_usd_wan,
                   l.source_country, l.referrer_enterprise, p.total_investment_wan,
                   (SELECT a.status FROM agreement a WHERE a.project_id = p.id ORDER BY a.id DESC LIMIT 1)
                       AS agreement_status,
                   (SELECT a.agreed_investment_wan FROM agreement a WHERE a.project_id = p.id AND a.status = 'SIGNED'
                     ORDER BY a.id DESC LIMIT 1) AS agreed_investment_wan,
                   (SELECT MIN(m.reached_on) FROM milestone m
                     WHERE m.project_id = p.id AND m.milestone = 'PRODUCTION' AND m.reached_on IS NOT NULL)
                       AS production_on
              FROM project p LEFT JOIN lead l ON l.id = p.lead_id
             WHERE p.id = #{projectId}""")
    Optional<LedgerFacts> ledgerFacts(long projectId);

    /** Other projects whose lead named the same source country before this one's (the country is not new then). */
    @Select("""
            SELECT o.id FROM project o JOIN lead ol ON ol.id = o.lead_id
             WHERE o.id < #{projectId}
               AND LOWER(TRIM(ol.source_country)) = LOWER(TRIM(#{country}))
             ORDER BY o.id LIMIT 1""")
    Optional<Long> findEarlierProjectFromCountry(@Param("projectId") long projectId, @Param("country") String country);

    @Update("""
            UPDATE incentive_claim SET status = 'VERIFIED', verified_paid_in_usd_wan = #{paidIn},
                   referred_investment_wan = #{investment}, project_in_production = #{inProduction},
                   verified_by = #{by}, verified_at = #{at}, verification_opinion = #{opinion}, updated_at = #{at}
             WHERE id = #{id} AND status = 'SUBMITTED'""")
    int verify(@Param("id") long id, @Param("paidIn") BigDecimal verifiedPaidInUsdWan,
            @Param("investment") BigDecimal referredInvestmentWan, @Param("inProduction") Boolean inProduction,
            @Param("by") String by, @Param("at") Instant at, @Param("opinion") String opinion);

    @Update("""
            UPDATE incentive_claim SET rate = #{rate}, fixed_amount_yuan = #{fixed}, amount_yuan = #{amount},
                   updated_at = #{at}
             WHERE id = #{id} AND status = 'VERIFIED'""")
    int recordAward(@Param("id") long id, @Param("rate") BigDecimal rate, @Param("fixed") BigDecimal fixedAmountYuan,
            @Param("amount") BigDecimal amountYuan, @Param("at") Instant at);

    @Update("""
            UPDATE incentive_claim SET status = 'NOT_ELIGIBLE', active_basis_key = NULL, updated_at = #{at}
             WHERE id = #{id} AND status = 'VERIFIED'""")
    int markNotEligible(@Param("id") long id, @Param("at") Instant at);

    @Update("""
            UPDATE incentive_claim SET status = 'APPROVED', approved_by = #{by}, approved_at = #{at},
                   approval_opinion = #{opinion}, updated_at = #{at}
             WHERE id = #{id} AND status = 'VERIFIED'""")
    int approve(@Param("id") long id, @Param("by") String by, @Param("at") Instant at,
            @Param("opinion") String opinion);

    @Update("""
            UPDATE incentive_claim SET status = 'PAID', paid_by = #{by}, paid_at = #{at}, paid_on = #{paidOn},
                   voucher_number = #{voucher}, updated_at = #{at}
             WHERE id = #{id} AND status = 'APPROVED'""")
    int pay(@Param("id") long id, @Param("by") String by, @Param("at") Instant at, @Param("paidOn") LocalDate paidOn,
            @Param("voucher") String voucherNumber);

    /** Rejected at {@code step}: the basis is released, so it can be claimed again. */
    @Update("""
            UPDATE incentive_claim SET status = 'REJECTED', active_basis_key = NULL, rejected_step = #{step},
                   rejected_by = #{by}, rejected_at = #{at}, rejection_opinion = #{opinion}, updated_at = #{at}
             WHERE id = #{id} AND status IN ('SUBMITTED', 'VERIFIED')""")
    int reject(@Param("id") long id, @Param("step") String step, @Param("by") String by, @Param("at") Instant at,
            @Param("opinion") String opinion);
}
