package no.pgx.cds.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The schemas must be able to fail: each rule taken from the spec's tables rejects a broken document. */
class SchemaCheckTest {

    private static JsonNode json(String text) throws Exception {
        return Http.JSON.readTree(text.replace('\'', '"'));
    }

    private static final String CARD = "{'summary':'S','indicator':'info','source':{'label':'CPIC'}}";

    @Test
    void aMinimalValidResponsePasses() throws Exception {
        assertThat(SchemaCheck.RESPONSE.violations(json("{'cards':[" + CARD + "]}"))).isEmpty();
        assertThat(SchemaCheck.RESPONSE.violations(json("{'cards':[]}"))).isEmpty();
    }

    @Test
    void cardRulesFromTheSpecAreEnforced() throws Exception {
        String longSummary = "x".repeat(140);
        String[] broken = {
            "{}",
            "{'cards':[{'indicator':'info','source':{'label':'CPIC'}}]}",
            "{'cards':[{'summary':'" + longSummary + "','indicator':'info','source':{'label':'CPIC'}}]}",
            "{'cards':[{'summary':'S','indicator':'high','source':{'label':'CPIC'}}]}",
            "{'cards':[{'summary':'S','indicator':'info','source':{}}]}",
            "{'cards':[{'summary':'S','indicator':'info','source':{'label':'CPIC'},'suggestions':[{'label':'L'}]}]}",
            "{'cards':[{'summary':'S','indicator':'info','source':{'label':'CPIC'},'selectionBehavior':'some'}]}",
            "{'cards':[{'summary':'S','indicator':'info','source':{'label':'CPIC'},'overrideReasons':[{'code':'c'}]}]}",
            "{'cards':[{'summary':'S','indicator':'info','source':{'label':'CPIC'},'links':[{'label':'L','url':'u','type':'absolute'}]}]}",
            "{'cards':[{'summary':'S','indicator':'info','source':{'label':'CPIC'},'links':[{'label':'L','url':'https://x','type':'absolute','appContext':'a'}]}]}",
            "{'cards':[{'summary':'S','indicator':'info','source':{'label':'CPIC'},'links':[]}]}",
            "{'cards':[{'summary':'','indicator':'info','source':{'label':'CPIC'}}]}",
            "{'cards':[{'summary':'S','indicator':'info','source':{'label':'CPIC'},'detail':null}]}",
            "{'cards':[{'summary':'S','indicator':'info','source':{'label':'CPIC'},'selectionBehavior':'at-most-one',"
                    + "'suggestions':[{'label':'L','actions':[{'type':'delete','description':'d'}]}]}]}",
            "{'cards':[{'summary':'S','indicator':'info','source':{'label':'CPIC'},'selectionBehavior':'at-most-one',"
                    + "'suggestions':[{'label':'L','actions':[{'type':'create','description':'d'}]}]}]}",
            "{'cards':[{'summary':'S','indicator':'info','source':{'label':'CPIC'},'selectionBehavior':'at-most-one',"
                    + "'suggestions':[{'label':'L','actions':[{'type':'replace','description':'d','resource':{'resourceType':'X'}}]}]}]}",
        };
        for (String b : broken) {
            assertThat(SchemaCheck.RESPONSE.violations(json(b))).as(b).isNotEmpty();
        }
    }

    @Test
    void discoveryRulesAreEnforced() throws Exception {
        assertThat(SchemaCheck.DISCOVERY.violations(json("{'services':[{'hook':'h','description':'d','id':'i'}]}"))).isEmpty();
        assertThat(SchemaCheck.DISCOVERY.violations(json("{'services':[{'hook':'h','id':'i'}]}"))).isNotEmpty();
        assertThat(SchemaCheck.DISCOVERY.violations(json("{'services':[{'hook':'h','description':'d','id':'i','prefetch':{}}]}")))
                .isNotEmpty();
    }

    /** CDS Hooks 2.0 "Extensions": the value of extension MUST be a JSON object, and no element may be empty. */
    @Test
    void anExtensionMustBeANonEmptyObject() throws Exception {
        assertThat(SchemaCheck.RESPONSE.violations(json("{'cards':[],'extension':{'no.pgx.knowledge':{'tables':'a'}}}")))
                .isEmpty();
        assertThat(SchemaCheck.RESPONSE.violations(json("{'cards':[],'extension':{}}"))).isNotEmpty();
        assertThat(SchemaCheck.RESPONSE.violations(json("{'cards':[],'extension':'x'}"))).isNotEmpty();
        String service = "{'services':[{'hook':'h','description':'d','id':'i','extension':%s}]}";
        assertThat(SchemaCheck.DISCOVERY.violations(json(service.formatted("{'no.pgx.cards':{}}")))).isEmpty();
        assertThat(SchemaCheck.DISCOVERY.violations(json(service.formatted("{}")))).isNotEmpty();
        assertThat(SchemaCheck.DISCOVERY.violations(json(service.formatted("[]")))).isNotEmpty();
    }

    @Test
    void problemBodiesMayNotCarryTraces() throws Exception {
        assertThat(SchemaCheck.PROBLEM.violations(json("{'status':400,'title':'Bad Request','detail':'hook is required'}"))).isEmpty();
        assertThat(SchemaCheck.PROBLEM.violations(json("{'status':500,'title':'x','trace':'at a.b.C'}"))).isNotEmpty();
        assertThat(SchemaCheck.PROBLEM.violations(json("{'status':500,'title':'x','detail':'java.lang.NullPointerException'}")))
                .isNotEmpty();
    }
}
