package cn.zhaoshang.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Table {@code funds_in_place}. */
@Mapper
public interface FundsMapper {

    @Insert("""
            INSERT INTO funds_in_place (project_id, amount_wan, in_place_on, evidence, recorded_by, recorded_at)
            VALUES (#{projectId}, #{amountWan}, #{inPlaceOn}, #{evidence}, #{recordedBy}, #{recordedAt})""")
    void insert(@Param("projectId") long projectId, @Param("amountWan") BigDecimal amountWan,
            @Param("inPlaceOn") LocalDate inPlaceOn, @Param("evidence") String evidence,
            @Param("recordedBy") String recordedBy, @Param("recordedAt") Instant recordedAt);

    @Select("SELECT * FROM funds_in_place WHERE project_id = #{projectId} ORDER BY in_place_on DESC, id DESC")
    List<FundsInPlace> findByProject(long projectId);

    @Select("SELECT * FROM funds_in_place WHERE project_id = #{projectId} ORDER BY id DESC LIMIT 1")
    FundsInPlace findLatest(long projectId);

    @Select("SELECT COALESCE(SUM(amount_wan), 0) FROM funds_in_place WHERE project_id = #{projectId}")
    BigDecimal totalOf(long projectId);
}
