package cn.zhaoshang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 招商引资项目全生命周期审批系统: Camunda 7 engine, REST, webapps and the project ledger in one app. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhaoshangApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZhaoshangApplication.class, args);
    }
}
