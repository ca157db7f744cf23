package cn.zhaoshang.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Progress on a metric computed from the ledger (ProgressMapper.xml): never a stored figure. The statement has one
 * branch per {@link MetricKind}; the metric's filters are bound as parameters.
 */
@Mapper
public interface ProgressMapper {

    /**
     * The projects behind each unit's figure, [{@code from}, {@code to}] both included; {@code unit} null for every
     * unit. A project counts for the unit that reported its lead and for its carrier (落户载体, by unit code or name) —
     * once per unit when both are the same (docs/assessment.md "Who gets the credit").
     */
    List<Contribution> contributions(@Param("kind") String kind, @Param("minInvestmentWan") BigDecimal minInvestmentWan,
            @Param("projectCategory") String projectCategory, @Param("industry") String industry,
            @Param("from") LocalDate from, @Param("to") LocalDate to, @Param("unit") String unit);

    /** The county's figure: every project once, whichever units it is credited to. */
    BigDecimal countyTotal(@Param("kind") String kind, @Param("minInvestmentWan") BigDecimal minInvestmentWan,
            @Param("projectCategory") String projectCategory, @Param("industry") String industry,
            @Param("from") LocalDate from, @Param("to") LocalDate to);
}
