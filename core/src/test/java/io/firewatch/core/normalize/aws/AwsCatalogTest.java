package io.firewatch.core.normalize.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.catalog.Operation;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.model.Provider;
import io.firewatch.core.testing.Fixtures;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code catalog/aws.csv} and the rule parsers agree: every name resolves, every parser is used, lines are sorted. */
class AwsCatalogTest {
    private static final List<Operation> AWS = OperationCatalog.load().operations(Provider.AWS);

    @Test
    void everyRulesNameIsAParser() {
        for (Operation op : AWS) {
            assertThat(RuleParsers.named(op.rules())).as("parser '%s' of %s %s", op.rules(), op.service(), op.operation()).isNotNull();
        }
    }

    @Test
    void everyParserIsUsed() {
        Set<String> used = new HashSet<>();
        AWS.forEach(op -> used.add(op.rules()));
        assertThat(used).containsAll(RuleParsers.names());
        assertThat(AwsNormalizers.ruleParsers()).isEqualTo(RuleParsers.names());
    }

    @Test
    void linesAreSortedByServiceThenOperationAndUnique() {
        for (int i = 1; i < AWS.size(); i++) {
            Operation a = AWS.get(i - 1);
            Operation b = AWS.get(i);
            String ka = a.service() + " " + a.operation();
            String kb = b.service() + " " + b.operation();
            assertThat(ka.compareTo(kb)).as("%s before %s", ka, kb).isNegative();
        }
    }

    @Test
    void everyOperationHasAFixtureThatAlerts() {
        Set<String> alerted = new HashSet<>();
        Fixtures.all().stream().filter(f -> f.startsWith("aws/")).forEach(f -> Fixtures.scanFixture(f).alerts
                .forEach(a -> alerted.add(a.change().resource().type() + " " + a.change().operation())));
        for (Operation op : AWS) {
            assertThat(alerted).as("an alert from a fixture of %s %s", op.service(), op.operation())
                    .contains(op.resourceType() + " " + op.operation());
        }
    }

    @Test
    void pathsPointIntoTheRecord() {
        for (Operation op : AWS) {
            List<String> paths = new java.util.ArrayList<>(op.resourceId());
            paths.addAll(op.resourceName());
            if (op.requires() != null) {
                paths.add(op.requires());
            }
            assertThat(paths).as("paths of %s", op.operation())
                    .allMatch(p -> p.startsWith("requestParameters.") || p.startsWith("responseElements."));
            assertThat(op.resourceId()).as("resource id of %s", op.operation()).isNotEmpty();
        }
    }
}
