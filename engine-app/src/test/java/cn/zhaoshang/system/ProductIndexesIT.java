package cn.zhaoshang.system;

import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.support.AppIT;

import static org.assertj.core.api.Assertions.assertThat;

/** The indexes the product adds to Camunda's tables exist after start-up, and a second start leaves them as they are. */
class ProductIndexesIT extends AppIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    ProductIndexes productIndexes;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine processEngine;

    @Test
    void theIndexesAreThereAndCreatingThemAgainChangesNothing() throws Exception {
        productIndexes.postProcessEngineBuild(processEngine); // as a second node starting on the same database
        try (var connection = dataSource.getConnection()) {
            for (ProductIndexes.Index index : ProductIndexes.INDEXES) {
                int found = 0;
                for (String table : List.of(index.table(), index.table().toLowerCase(Locale.ROOT))) {
                    try (var rs = connection.getMetaData().getIndexInfo(connection.getCatalog(), null, table, false,
                            false)) {
                        while (rs.next()) {
                            if (index.name().equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                                found++;
                            }
                        }
                    }
                }
                assertThat(found).as("%s on %s (one row per column)", index.name(), index.table())
                        .isEqualTo(index.columns().split(",").length);
            }
        }
    }
}
