import { describe, expect, it } from "vitest";
import { makeEndpoint, makeProvider } from "../../testing/index.ts";
import { softParameterExclusions } from "./soft-parameters.ts";

const withTools = makeEndpoint("m/a", makeProvider("p1"), { supportedParameters: ["tools"] });
const withoutTools = makeEndpoint("m/a", makeProvider("p2"), { supportedParameters: [] });
const otherModel = makeEndpoint("m/b", makeProvider("p3"), { supportedParameters: [] });

describe("softParameterExclusions", () => {
  it("drops a model's endpoints without tools when another endpoint of that model has them", () => {
    const exclusions = softParameterExclusions([withTools, withoutTools, otherModel], ["tools"]);
    expect([...exclusions.keys()]).toEqual([withoutTools.id]);
    expect(exclusions.get(withoutTools.id)?.details).toEqual(["tools"]);
  });

  it("never removes a model whose endpoints all lack the parameter", () => {
    expect(softParameterExclusions([otherModel], ["tools", "response_format"]).size).toBe(0);
  });

  it("ignores parameters other than tools and response_format", () => {
    expect(softParameterExclusions([withTools, withoutTools], ["logprobs"]).size).toBe(0);
  });
});
