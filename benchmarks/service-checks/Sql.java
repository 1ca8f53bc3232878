import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/** Runs one SQL statement over JDBC and prints the first column of each row. Usage: java Sql.java URL USER PASS SQL */
public class Sql {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            if (c.createStatement().execute(args[3])) {
                try (ResultSet rs = c.createStatement().executeQuery(args[3])) {
                    while (rs.next()) {
                        System.out.println(rs.getString(1));
                    }
                }
            }
        }
    }
}
