#!/usr/bin/env python3
"""Builds src/main/resources/dataset/policy_milestones.json from the shared data set.

Every item of ../shared/data/policy_milestones.json is kept with its fields exactly as written there (id, date,
date_end, title, actors, category, summary, source, note). This script only ADDS optional fields the import format
knows: lifecycle, alternative_dates, parent, links and targets. Each addition restates what the item's own note,
title or the data README says; nothing is taken from elsewhere. Run: python3 src/dataset/curate.py <shared data dir>
"""
import json
import re
import sys

DOC = "004_5aa8482bb4547fd7.txt"
HIGHWAY_PROJECTS = ["nur-sultan-southwest-ring-road", "taldykorgan-kalbatau-ust-kamenogorsk-highway",
                    "karaganda-balkhash-highway", "kalbatau-maykapshagay-highway", "merke-burylbaytal-highway",
                    "balkhash-burylbaytal-highway", "kurty-burylbaytal-highway", "aktobe-makat-highway",
                    "chinese-built-kz-highways-aggregate"]
KZ_CN_TRADE = {"reporter": "KZ", "partner": "CN", "flow": "total", "commodity": "TOTAL"}

# Stages that the thesis says were followed by a next stage: they end as superseded.
SUPERSEDED_STAGES = {"cn-central-asia-policy-stage-1", "cn-central-asia-policy-stage-2", "cn-central-asia-policy-stage-3",
                     "kz-cn-relations-stage-1", "kz-cn-relations-stage-2", "kz-cn-relations-stage-3"}
ANNOUNCED_ONLY = {"nurly-zhol-announced", "cn-western-development-first-draft", "cn-central-asia-loan-pledge-2012"}
NO_LIFECYCLE = {"kz-pipeline-customs-agreement-ratified", "cdb-eurasia-financing-2013"}

PARENTS = {
    "silk-road-economic-belt-proposed": "belt-and-road-vision-and-actions",
    "maritime-silk-road-proposed": "belt-and-road-vision-and-actions",
    "nurly-zhol-sreb-alignment": "silk-road-economic-belt-proposed",
    "cn-tj-sreb-mou": "silk-road-economic-belt-proposed",
    "cn-ru-sreb-eaeu-statement": "silk-road-economic-belt-proposed",
    "kz-highway-projects-completion": "nurly-zhol-sreb-alignment",
    "nur-sultan-ring-road-opened": "nurly-zhol-sreb-alignment",
    "nurly-zhol-state-programme": "nurly-zhol-announced",
    "cn-western-development-proposed": "cn-western-development-programme",
    "cn-western-development-first-draft": "cn-western-development-programme",
    "cn-western-development-working-group": "cn-western-development-programme",
    "cn-10th-fyp-western-priority": "cn-western-development-programme",
    "kz-cn-trade-target-2015": "kz-cn-21st-century-strategy",
}

ALTERNATIVES = {
    # README "Known inconsistencies" 21.
    "nurly-zhol-sreb-alignment": [{"field": "signed", "date": "2017", "sources": [DOC + ", 3.3.3"],
                                   "note": "3.3.3 dates the signing of the 'docking cooperation plan' to 2017."}],
    # README 20: 1.2.1 says the November 2010 agreement raised relations to a strategic partnership.
    "kz-cn-strategic-partnership-2005": [{"field": "inForce", "date": "2010-11-25", "sources": [DOC + ", 1.2.1 (footnote 47)"],
                                          "note": "1.2.1 says the 25 November 2010 agreement raised relations to a strategic partnership."}],
    "kz-cn-strategic-agreement-2010": [{"field": "date", "date": "2005-07", "sources": [DOC + ", 2.1.3"],
                                        "note": "2.1.3 dates the strategic partnership to the July 2005 joint statement."}],
    # README 23 and 24.
    "belt-and-road-vision-and-actions": [{"field": "date", "date": "2017", "sources": [DOC + ", 2.2.4 (footnote 86)"],
                                          "note": "Footnote 86 cites the same text with 2017, the forum website's year."}],
    "wuhan-xinjiang-europe-train-opened": [{"field": "date", "date": "2013", "sources": [DOC + ", 3.1.2 (footnote 101)"],
                                            "note": "The supporting footnote is a 2013 article."}],
}

TARGETS = {
    "kz-cn-trade-target-2015": [{"metric": "total_trade", "value": 15, "unit": "billion_usd", "deadline": "2015",
                                 "tradeSeries": KZ_CN_TRADE,
                                 "note": "Two-way KZ-CN trade; set in the 21st Century Cooperation Strategy (2006)."}],
    "central-asia-gas-deliveries-start": [{"metric": "design_capacity", "value": 40, "unit": "billion_m3_per_year",
                                           "corridorAsset": "china-central-asia-gas-pipeline",
                                           "note": "Design capacity stated as 30-40 bcm a year; the upper bound is the value."}],
    "cn-central-asia-loan-pledge-2012": [{"metric": "loan_commitment", "value": 10, "unit": "billion_usd",
                                          "note": "Loans mainly for railways, roads, cables and pipelines in Central Asia."}],
}

TRADE_LINKS = {"kz-cn-21st-century-strategy": [KZ_CN_TRADE], "kz-cn-trade-target-2015": [KZ_CN_TRADE]}


def lifecycle(item):
    i, cat, start, end = item["id"], item["category"], item["date"], item["date_end"]
    if i in NO_LIFECYCLE or cat == "event":
        return None
    if i == "kz-cn-trade-target-2015":
        return {"announced": "2006-12", "expired": "2015"}  # set in Dec 2006, falls due in 2015
    if i in ANNOUNCED_ONLY:
        return {"announced": start}
    if cat in ("agreement", "joint_statement", "border"):
        return {"signed": start}
    if i == "kz-cn-strategic-partnership-2005":
        return {"signed": start, "in_force": start}
    if i == "kz-cn-strategic-agreement-2010":
        return {"signed": start}
    if end is not None:
        # A period that ran out is "expired" unless the source reports the work done (Nurly Zhol's results).
        ending = "superseded" if i in SUPERSEDED_STAGES else ("completed" if i == "nurly-zhol-state-programme" else "expired")
        return {"in_force": start, ending: end}
    if cat == "strategy" and i != "cn-10th-fyp-western-priority":
        return {"announced": start}
    if i == "cn-10th-fyp-approved":
        return {"signed": start}
    return {"in_force": start}


def corridor_links(item):
    if item["id"] == "kz-highway-projects-completion":
        return HIGHWAY_PROJECTS
    m = re.search(r"See corridors ([a-z0-9-]+)(?: and ([a-z0-9-]+))?", item["note"])
    return [g for g in m.groups() if g] if m else []


def main(shared):
    items = json.load(open(f"{shared}/policy_milestones.json"))
    ids = {x["id"] for x in items}
    for x in items:
        extra = {}
        if (lc := lifecycle(x)) is not None:
            extra["lifecycle"] = lc
        if x["id"] in ALTERNATIVES:
            extra["alternative_dates"] = ALTERNATIVES[x["id"]]
        if x["id"] in PARENTS:
            assert PARENTS[x["id"]] in ids
            extra["parent"] = PARENTS[x["id"]]
        assets, trade = corridor_links(x), TRADE_LINKS.get(x["id"], [])
        if assets or trade:
            extra["links"] = {"corridorAssets": assets, "tradeSeries": trade}
        if x["id"] in TARGETS:
            extra["targets"] = TARGETS[x["id"]]
        x.update(extra)
    json.dump(items, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../../shared/data")
