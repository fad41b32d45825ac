import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Properties;
import java.util.TreeSet;

// Reads each file named on the command line with java.util.Properties, the
// way Maestro reads its INI files, and prints every key and value as
// UTF-16 code units in hex, so the test compares exact values.
public class ReadProperties {
    public static void main(String[] args) throws Exception {
        for (String path : args) {
            Properties properties = new Properties();
            try (InputStream in = new FileInputStream(path)) {
                properties.load(in);
            } catch (IllegalArgumentException refused) {
                // A malformed unicode escape: Java refuses the whole file.
                System.out.println("file\t" + path + "\terror");
                continue;
            }
            System.out.println("file\t" + path + "\t" + properties.size());
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                System.out.println(hex(key) + "\t" + hex(properties.getProperty(key)));
            }
        }
    }

    static String hex(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i > 0) out.append(' ');
            out.append(String.format("%04x", (int) s.charAt(i)));
        }
        return out.toString();
    }
}
