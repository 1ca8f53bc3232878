package no.pgx.cds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The CDS Hooks service. (Transitional skeleton: the service is being built.) */
@SpringBootApplication
public class CdsServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(CdsServiceApplication.class, args);
    }
}
