package cn.zhaoshang.ledger;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.zhaoshang.security.DataScope;

@Mapper
public interface FunnelMapper {

    /** One row per reporting unit, of the leads {@code scope} may read; the statement is in FunnelMapper.xml. */
    List<FunnelRow> countByUnit(@Param("scope") DataScope scope, @Param("unit") String unit, @Param("from") Instant from,
            @Param("before") Instant before);
}
