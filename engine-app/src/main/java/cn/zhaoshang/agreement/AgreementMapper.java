package cn.zhaoshang.agreement;

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

/** Tables {@code agreement}, {@code agreement_draft} and {@code agreement_review}. */
@Mapper
public interface AgreementMapper {

    @Insert("""
            INSERT INTO agreement (project_id, negotiator, status, process_instance_id, created_at, updated_at)
            VALUES (#{projectId}, #{negotiator}, 'IN_REVIEW', #{processInstanceId}, #{at}, #{at})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(NewAgreement agreement);

    @Select("SELECT * FROM agreement WHERE id = #{id}")
    Optional<Agreement> findById(long id);

    @Select("SELECT * FROM agreement WHERE project_id = #{projectId} ORDER BY id DESC LIMIT 1")
    Optional<Agreement> findLatestOfProject(long projectId);

    @Select("SELECT * FROM agreement WHERE process_instance_id = #{processInstanceId}")
    Optional<Agreement> findByProcessInstanceId(String processInstanceId);

    @Update("UPDATE agreement SET signing_party = #{party}, updated_at = #{at} WHERE id = #{id}")
    int updateSigningParty(@Param("id") long id, @Param("party") String signingParty, @Param("at") Instant at);

    @Update("UPDATE agreement SET status = #{status}, updated_at = #{at} WHERE id = #{id}")
    int updateStatus(@Param("id") long id, @Param("status") String status, @Param("at") Instant at);

    @Update("""
            UPDATE agreement SET status = 'SIGNED', contract_number = #{contractNumber}, signed_on = #{signedOn},
                   agreed_investment_wan = #{investment}, construction_due_on = #{constructionDueOn}, updated_at = #{at}
             WHERE id = #{id} AND status = 'IN_REVIEW'""")
    int sign(@Param("id") long id, @Param("contractNumber") String contractNumber, @Param("signedOn") LocalDate signedOn,
            @Param("investment") BigDecimal agreedInvestmentWan, @Param("constructionDueOn") LocalDate constructionDueOn,
            @Param("at") Instant at);

    @Select("SELECT COUNT(*) FROM agreement WHERE contract_number = #{contractNumber}")
    int countContractNumber(String contractNumber);

    @Insert("""
            INSERT INTO agreement_draft (agreement_id, version, file_name, content_type, size_bytes, sha256, content, note,
                                         uploaded_by, uploaded_at)
            VALUES (#{agreementId}, #{version}, #{fileName}, #{contentType}, #{sizeBytes}, #{sha256}, #{content}, #{note},
                    #{uploadedBy}, #{uploadedAt})""")
    void insertDraft(NewDraft draft);

    @Select("""
            SELECT id, agreement_id, version, file_name, content_type, size_bytes, sha256, note, uploaded_by, uploaded_at
              FROM agreement_draft WHERE agreement_id = #{agreementId} ORDER BY version""")
    List<AgreementDraft> findDrafts(long agreementId);

    @Select("SELECT COALESCE(MAX(version), 0) FROM agreement_draft WHERE agreement_id = #{agreementId}")
    int latestDraftVersion(long agreementId);

    @Select("SELECT content FROM agreement_draft WHERE agreement_id = #{agreementId} AND version = #{version}")
    Optional<byte[]> findDraftContent(@Param("agreementId") long agreementId, @Param("version") int version);

    @Insert("""
            INSERT INTO agreement_review (agreement_id, draft_version, task_id, step, step_name, decision, opinion, user_id,
                                          decided_at)
            VALUES (#{agreementId}, #{draftVersion}, #{taskId}, #{step}, #{stepName}, #{decision}, #{opinion}, #{userId},
                    #{decidedAt})""")
    void insertReview(AgreementReviewRecord review);

    @Select("SELECT * FROM agreement_review WHERE agreement_id = #{agreementId} ORDER BY decided_at, id")
    List<AgreementReviewRecord> findReviews(long agreementId);

    /** The highest draft version any review has seen: a new review needs a newer draft after REVISE. */
    @Select("SELECT COALESCE(MAX(draft_version), 0) FROM agreement_review WHERE agreement_id = #{agreementId}")
    int lastReviewedVersion(long agreementId);

    /** An agreement about to be opened; {@code id} is filled by the insert. */
    final class NewAgreement {
        private Long id;
        private final long projectId;
        private final String negotiator;
        private final String processInstanceId;
        private final Instant at;

        public NewAgreement(long projectId, String negotiator, String processInstanceId, Instant at) {
            this.projectId = projectId;
            this.negotiator = negotiator;
            this.processInstanceId = processInstanceId;
            this.at = at;
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public long getProjectId() {
            return projectId;
        }

        public String getNegotiator() {
            return negotiator;
        }

        public String getProcessInstanceId() {
            return processInstanceId;
        }

        public Instant getAt() {
            return at;
        }
    }

    record NewDraft(long agreementId, int version, String fileName, String contentType, long sizeBytes, String sha256,
            byte[] content, String note, String uploadedBy, Instant uploadedAt) {
    }
}
