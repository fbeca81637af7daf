//! Table-driven tests of recognition and normalization across phrasings and anchors.

use super::*;
use crate::extract::{Analysis, Extractor};
use chrono::NaiveDate;

/// Runs `Times` over `text` anchored at `anchor` (or unanchored for `None`).
fn run(anchor: Option<&str>, text: &str) -> (String, Vec<TimeExpression>) {
    let src = format!("{text}\n");
    let article = crate::parse(&src).expect("lenient parse never fails");
    let anchor = anchor.map(|a| NaiveDate::parse_from_str(a, "%Y-%m-%d").expect("test anchor"));
    let found = Times::default().extract(&Analysis::new(&article).with_anchor(anchor));
    (src, found)
}

/// `(anchor, text, expression, type, value, mod)`: the expression must be found with exactly
/// this extent and annotation.
type Case = (
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
);

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for &(anchor, text, expr, ty, value, md) in cases {
        let (src, found) = run(anchor, text);
        let got = found.iter().find(|t| &src.as_str()[t.span] == expr);
        match got {
            Some(t)
                if t.timex_type.as_str() == ty
                    && t.value.to_timex3() == value
                    && t.timex_mod.map(|m| m.as_str()) == md => {}
            _ => failures.push(format!(
                "{anchor:?} {text:?}: want {expr:?} {ty} {value} {md:?}, got {:?}",
                found
                    .iter()
                    .map(|t| format!(
                        "{:?} {} {} {:?}",
                        &src.as_str()[t.span],
                        t.timex_type,
                        t.value,
                        t.timex_mod
                    ))
                    .collect::<Vec<_>>()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const FRI: Option<&str> = Some("2021-02-26"); // a Friday
const WED: Option<&str> = Some("1998-08-12"); // a Wednesday

#[test]
fn weekdays_follow_the_tense() {
    check(&[
        // A possessive weekday ("Wednesday's ruling") is reported on: never a future one.
        (
            FRI,
            "Lawyers will appeal Wednesday's ruling.",
            "Wednesday",
            "DATE",
            "2021-02-24",
            None,
        ),
        (
            WED,
            "Talks ended on Tuesday.",
            "Tuesday",
            "DATE",
            "1998-08-11",
            None,
        ),
        (
            WED,
            "Talks will resume Tuesday.",
            "Tuesday",
            "DATE",
            "1998-08-18",
            None,
        ),
        (
            WED,
            "The vote was held Wednesday.",
            "Wednesday",
            "DATE",
            "1998-08-12",
            None,
        ),
        (
            WED,
            "Officials met Friday.",
            "Friday",
            "DATE",
            "1998-08-07",
            None,
        ),
        (
            WED,
            "Officials will meet Friday.",
            "Friday",
            "DATE",
            "1998-08-14",
            None,
        ),
        (
            WED,
            "He arrived last Friday.",
            "last Friday",
            "DATE",
            "1998-08-07",
            None,
        ),
        (
            WED,
            "He leaves next Monday.",
            "next Monday",
            "DATE",
            "1998-08-17",
            None,
        ),
        (
            FRI,
            "He spoke Friday.",
            "Friday",
            "DATE",
            "2021-02-26",
            None,
        ),
        (
            WED,
            "Police said Tuesday night.",
            "Tuesday night",
            "DATE",
            "1998-08-11",
            None,
        ),
        // "were planning", "was expected to": a plan, not a report of the past.
        (
            WED,
            "Protesters were planning to march on Saturday.",
            "Saturday",
            "DATE",
            "1998-08-15",
            None,
        ),
        // A plan in a past perfect was for a time now past; the present one looks ahead.
        (
            WED,
            "The offer had been due to expire Friday evening.",
            "Friday evening",
            "DATE",
            "1998-08-07",
            None,
        ),
        (
            WED,
            "The vote had been scheduled for Monday.",
            "Monday",
            "DATE",
            "1998-08-10",
            None,
        ),
        (
            WED,
            "The talks had originally been planned to end at noon Tuesday.",
            "noon Tuesday",
            "TIME",
            "1998-08-11T12:00",
            None,
        ),
        (
            WED,
            "The vote is scheduled for Monday.",
            "Monday",
            "DATE",
            "1998-08-17",
            None,
        ),
        // A plan word after a comma is another clause's: `which had been expected, ...`.
        (
            WED,
            "The sale, which had been expected, will close by Monday.",
            "Monday",
            "DATE",
            "1998-08-17",
            None,
        ),
        // An opening `Until ...,` takes its main clause's tense.
        (
            WED,
            "Until Monday, the police had not named a suspect.",
            "Monday",
            "DATE",
            "1998-08-10",
            None,
        ),
        (
            WED,
            "Until Monday, the offices will stay closed.",
            "Monday",
            "DATE",
            "1998-08-17",
            None,
        ),
        (
            WED,
            "The offer was extended until Monday.",
            "Monday",
            "DATE",
            "1998-08-17",
            None,
        ),
        // `as soon as` looks ahead to the time just after it, nearer markers notwithstanding.
        (
            WED,
            "The group could leave as soon as Tuesday, officials said.",
            "Tuesday",
            "DATE",
            "1998-08-18",
            None,
        ),
        (
            WED,
            "Dealers said banks were likely to buy as soon as trading opened Monday.",
            "Monday",
            "DATE",
            "1998-08-17",
            None,
        ),
        (
            WED,
            "As soon as the rally ended, the police who had waited there arrested him on Monday.",
            "Monday",
            "DATE",
            "1998-08-10",
            None,
        ),
        (
            WED,
            "As soon as the votes were counted Monday, the fight began.",
            "Monday",
            "DATE",
            "1998-08-10",
            None,
        ),
        // A present of a schedule looks ahead; the same words as nouns, names or after a
        // negation do not.
        (
            WED,
            "The two leaders meet separately Monday with the envoy.",
            "Monday",
            "DATE",
            "1998-08-17",
            None,
        ),
        (
            WED,
            "The fair, which opens Thursday, expects large crowds.",
            "Thursday",
            "DATE",
            "1998-08-13",
            None,
        ),
        (
            WED,
            "Guests on Meet the Press on Sunday included the senator.",
            "Sunday",
            "DATE",
            "1998-08-09",
            None,
        ),
        (
            WED,
            "A rocky start Monday for the talks.",
            "Monday",
            "DATE",
            "1998-08-10",
            None,
        ),
        (
            WED,
            "The trial begins at 10 a.m. Monday.",
            "10 a.m. Monday",
            "TIME",
            "1998-08-17T10:00",
            None,
        ),
        (
            WED,
            "They did not meet Monday.",
            "Monday",
            "DATE",
            "1998-08-10",
            None,
        ),
        // A past `planned to`: its plan lies ahead of it, a day named before it is gone by.
        (
            WED,
            "On Friday, the government planned to pay the first claims.",
            "Friday",
            "DATE",
            "1998-08-07",
            None,
        ),
        (
            WED,
            "The team planned to leave on Thursday.",
            "Thursday",
            "DATE",
            "1998-08-13",
            None,
        ),
        (
            WED,
            "On Friday, the planned vote takes place.",
            "Friday",
            "DATE",
            "1998-08-14",
            None,
        ),
        (
            None,
            "Officials met Tuesday.",
            "Tuesday",
            "DATE",
            "XXXX-WXX-2",
            None,
        ),
        (
            WED,
            "They meet each Thursday.",
            "each Thursday",
            "SET",
            "XXXX-WXX-4",
            None,
        ),
        (
            WED,
            "The show airs Tuesday nights.",
            "Tuesday nights",
            "SET",
            "XXXX-WXX-2TNI",
            None,
        ),
    ]);
}

#[test]
fn month_days_and_years() {
    check(&[
        // A bare later day joined to a month-day is a date of the same month.
        (
            Some("1999-02-10"),
            "Leaders meet at the summit on April 24 and 25.",
            "25",
            "DATE",
            "1999-04-25",
            None,
        ),
        (
            Some("1999-02-10"),
            "The fair runs from March 1 to 5 in the capital.",
            "5",
            "DATE",
            "1999-03-05",
            None,
        ),
        (
            Some("1999-02-10"),
            "Polls will open on May 3 or 4.",
            "4",
            "DATE",
            "1999-05-04",
            None,
        ),
        // "would" and "effective" look ahead; "be paid" is not a past tense.
        (
            Some("2021-11-20"),
            "The dividend would be paid in July.",
            "July",
            "DATE",
            "2022-07",
            None,
        ),
        (
            Some("2021-11-20"),
            "A new pact, effective Sept. 1, covers the plant.",
            "Sept. 1",
            "DATE",
            "2022-09-01",
            None,
        ),
        (
            FRI,
            "The deal closed Feb. 1.",
            "Feb. 1",
            "DATE",
            "2021-02-01",
            None,
        ),
        (
            FRI,
            "The deal closed Feb 1.",
            "Feb 1",
            "DATE",
            "2021-02-01",
            None,
        ),
        (
            FRI,
            "Voting will start March 15.",
            "March 15",
            "DATE",
            "2021-03-15",
            None,
        ),
        (
            FRI,
            "It was signed on Dec. 20.",
            "Dec. 20",
            "DATE",
            "2020-12-20",
            None,
        ),
        (
            FRI,
            "It was signed Oct. 23, 1999.",
            "Oct. 23, 1999",
            "DATE",
            "1999-10-23",
            None,
        ),
        (
            FRI,
            "It was signed on 23 October 1999.",
            "23 October 1999",
            "DATE",
            "1999-10-23",
            None,
        ),
        (
            FRI,
            "It opened on the 1st of March.",
            "the 1st of March",
            "DATE",
            "2021-03-01",
            None,
        ),
        (
            FRI,
            "It opened on March 1st.",
            "March 1st",
            "DATE",
            "2021-03-01",
            None,
        ),
        (
            FRI,
            "Sales rose in January.",
            "January",
            "DATE",
            "2021-01",
            None,
        ),
        (
            FRI,
            "Sales rose in October 1998.",
            "October 1998",
            "DATE",
            "1998-10",
            None,
        ),
        (
            FRI,
            "Sales rose in June last year.",
            "June last year",
            "DATE",
            "2020-06",
            None,
        ),
        (FRI, "Sales rose in 1998.", "1998", "DATE", "1998", None),
        (
            FRI,
            "Filed on 1998-03-15 in court.",
            "1998-03-15",
            "DATE",
            "1998-03-15",
            None,
        ),
        (
            FRI,
            "Filed on 3/15/98 in court.",
            "3/15/98",
            "DATE",
            "1998-03-15",
            None,
        ),
        (
            None,
            "The deal closed Feb. 1.",
            "Feb. 1",
            "DATE",
            "XXXX-02-01",
            None,
        ),
        (
            FRI,
            "It rose in fiscal 1989.",
            "fiscal 1989",
            "DATE",
            "1989",
            None,
        ),
        (
            FRI,
            "He spoke on Saturday, April 25, 1998.",
            "Saturday, April 25, 1998",
            "DATE",
            "1998-04-25",
            None,
        ),
        (
            FRI,
            "He spoke in nineteen ninety-six.",
            "nineteen ninety-six",
            "DATE",
            "1996",
            None,
        ),
    ]);
}

#[test]
fn relative_expressions() {
    check(&[
        (
            FRI,
            "Prices fell today.",
            "today",
            "DATE",
            "2021-02-26",
            None,
        ),
        (
            FRI,
            "Prices fell yesterday.",
            "yesterday",
            "DATE",
            "2021-02-25",
            None,
        ),
        (
            FRI,
            "Prices may fall tomorrow.",
            "tomorrow",
            "DATE",
            "2021-02-27",
            None,
        ),
        (
            FRI,
            "He speaks tonight.",
            "tonight",
            "TIME",
            "2021-02-26TNI",
            None,
        ),
        (
            FRI,
            "He spoke this morning.",
            "this morning",
            "TIME",
            "2021-02-26TMO",
            None,
        ),
        (
            FRI,
            "He spoke last night.",
            "last night",
            "TIME",
            "2021-02-25TNI",
            None,
        ),
        (
            FRI,
            "Sales rose last year.",
            "last year",
            "DATE",
            "2020",
            None,
        ),
        (
            FRI,
            "Sales will rise next year.",
            "next year",
            "DATE",
            "2022",
            None,
        ),
        (
            FRI,
            "Sales rose this year.",
            "this year",
            "DATE",
            "2021",
            None,
        ),
        (
            FRI,
            "Sales rose last month.",
            "last month",
            "DATE",
            "2021-01",
            None,
        ),
        (
            FRI,
            "Sales rose this week.",
            "this week",
            "DATE",
            "2021-W08",
            None,
        ),
        (
            FRI,
            "Sales will rise next week.",
            "next week",
            "DATE",
            "2021-W09",
            None,
        ),
        (
            FRI,
            "Sales rose last week.",
            "last week",
            "DATE",
            "2021-W07",
            None,
        ),
        (
            FRI,
            "It happened two days ago.",
            "two days ago",
            "DATE",
            "2021-02-24",
            None,
        ),
        (
            FRI,
            "It happened three years ago.",
            "three years ago",
            "DATE",
            "2018",
            None,
        ),
        (
            FRI,
            "It happened a month ago.",
            "a month ago",
            "DATE",
            "2021-01",
            None,
        ),
        (
            FRI,
            "It will end two weeks from now.",
            "two weeks from now",
            "DATE",
            "2021-W10",
            None,
        ),
        (
            FRI,
            "Sales rose a year earlier.",
            "a year earlier",
            "DATE",
            "2020",
            None,
        ),
        (
            FRI,
            "He came back last fall.",
            "last fall",
            "DATE",
            "2020-FA",
            None,
        ),
        // "last <season>" is that season of the year before, even when one has passed since.
        (
            Some("1999-10-26"),
            "The league expanded last spring.",
            "last spring",
            "DATE",
            "1998-SP",
            None,
        ),
        (
            Some("1999-02-10"),
            "It snowed a lot last winter.",
            "last winter",
            "DATE",
            "1997-WI",
            None,
        ),
        // "this past" is the most recent one.
        (
            Some("1999-10-26"),
            "The team was sold this past spring.",
            "this past spring",
            "DATE",
            "1999-SP",
            None,
        ),
        // The month just ended is "last month"; "last <that month>" is a year before it.
        (
            Some("1998-03-01"),
            "The factory reopened last February.",
            "last February",
            "DATE",
            "1997-02",
            None,
        ),
        (
            Some("1998-10-27"),
            "The plant closed last April.",
            "last April",
            "DATE",
            "1998-04",
            None,
        ),
        (
            FRI,
            "It opens this summer.",
            "this summer",
            "DATE",
            "2021-SU",
            None,
        ),
        (
            FRI,
            "It fell in last April.",
            "last April",
            "DATE",
            "2020-04",
            None,
        ),
        (
            None,
            "Sales rose last year.",
            "last year",
            "DATE",
            "XXXX",
            None,
        ),
        (
            FRI,
            "He was here at Christmas.",
            "Christmas",
            "DATE",
            "2020-12-25",
            None,
        ),
        (
            FRI,
            "He comes on New Year's Day.",
            "New Year's Day",
            "DATE",
            "2021-01-01",
            None,
        ),
        (
            Some("1998-01-10"),
            "It was Thanksgiving Day.",
            "Thanksgiving Day",
            "DATE",
            "1997-11-27",
            None,
        ),
        (
            FRI,
            "Sales in the same period last year fell.",
            "the same period last year",
            "DATE",
            "2020",
            None,
        ),
        // "the previous Friday", "the following month": from the day or month the story named.
        (
            FRI,
            "The index closed lower on Friday, down 4% from the previous Friday.",
            "the previous Friday",
            "DATE",
            "2021-02-19",
            None,
        ),
        (
            FRI,
            "In March 2019 the board got an offer. The following month, it sold the unit.",
            "The following month",
            "DATE",
            "2019-04",
            None,
        ),
        (
            FRI,
            "The strike began on Feb. 2. Talks resumed the following day.",
            "the following day",
            "DATE",
            "2021-02-03",
            None,
        ),
        (
            FRI,
            "The plant closed on Feb. 2. Later that day, workers marched.",
            "Later that day",
            "DATE",
            "2021-02-02",
            Some("END"),
        ),
        // With no day or month named before: from the anchor.
        (
            FRI,
            "Talks resumed the following month.",
            "the following month",
            "DATE",
            "2021-03",
            None,
        ),
        // "the week of" a day: the ISO week it falls in.
        (
            FRI,
            "The court will hear the case the week of March 8.",
            "the week of March 8",
            "DATE",
            "2021-W10",
            None,
        ),
        (
            FRI,
            "The vote came the week of Jan. 4, 2021.",
            "the week of Jan. 4, 2021",
            "DATE",
            "2021-W01",
            None,
        ),
        // "last year's quarter": the quarter under discussion, a year before.
        (
            FRI,
            "Profit rose in the fourth quarter. Last year's quarter included a charge.",
            "Last year's quarter",
            "DATE",
            "2019-Q4",
            None,
        ),
    ]);
}

#[test]
fn references() {
    check(&[
        (
            FRI,
            "Holders may buy shares at half the then current price.",
            "current",
            "DATE",
            "PAST_REF",
            None,
        ),
        // "one day" after a modal is some day ahead.
        (
            FRI,
            "The city will one day host the games.",
            "one day",
            "DATE",
            "FUTURE_REF",
            None,
        ),
        // ... and so is "one day" between a subject pronoun and its verb.
        (
            FRI,
            "She voiced the hope they one day return home.",
            "one day",
            "DATE",
            "FUTURE_REF",
            None,
        ),
        (
            FRI,
            "The trial lasted one day.",
            "one day",
            "DURATION",
            "P1D",
            None,
        ),
        (
            FRI,
            "Prices are now higher.",
            "now",
            "DATE",
            "PRESENT_REF",
            None,
        ),
        (
            FRI,
            "Prices are currently higher.",
            "currently",
            "DATE",
            "PRESENT_REF",
            None,
        ),
        (
            FRI,
            "Prices rose recently.",
            "recently",
            "DATE",
            "PAST_REF",
            None,
        ),
        (
            FRI,
            "In the past, prices rose.",
            "the past",
            "DATE",
            "PAST_REF",
            None,
        ),
        (
            FRI,
            "In the future, prices rise.",
            "the future",
            "DATE",
            "FUTURE_REF",
            None,
        ),
        (
            FRI,
            "Right now prices rise.",
            "now",
            "DATE",
            "PRESENT_REF",
            None,
        ),
    ]);
}

/// A quarter not yet over, named far from the one reported on, does not displace it either.
#[test]
fn a_quarter_under_way_never_displaces_the_one_reported() {
    let filler = "Analysts said steel demand was weak across the region. ".repeat(20);
    let text = format!(
        "Third-quarter profit fell. {filler}Analysts expect a decline in the fourth quarter. \
         Net income dropped from the year-ago quarter."
    );
    let (src, found) = run(Some("2021-10-26"), &text);
    let got: Vec<(&str, String)> = found
        .iter()
        .map(|t| (&src.as_str()[t.span], t.value.to_timex3()))
        .collect();
    assert!(
        got.contains(&("the year-ago quarter", "2020-Q3".to_string())),
        "{got:?}"
    );
    assert!(
        got.contains(&("the fourth quarter", "2021-Q4".to_string())),
        "{got:?}"
    );
}

/// A stretch of months other than a quarter (`the nine months`, `the first half`) named after
/// the quarter becomes the period under discussion: `a year earlier` is then its year, while
/// `the 1988 period` after a quarter is that year's quarter.
#[test]
fn the_period_under_discussion_is_the_last_named() {
    check(&[
        (
            Some("2021-10-26"),
            "Third-quarter net rose 5% from a year earlier.",
            "a year earlier",
            "DATE",
            "2020-Q3",
            None,
        ),
        (
            Some("2021-10-26"),
            "Third-quarter net rose 5%. For the nine months, net fell from a year earlier.",
            "a year earlier",
            "DATE",
            "2020",
            None,
        ),
        (
            Some("2021-10-26"),
            "Second-quarter sales slipped. In the first half, the year-ago results were higher.",
            "year-ago",
            "DATE",
            "2020",
            None,
        ),
        (
            Some("2021-10-26"),
            "In the first nine months, net rose. For the third quarter, net fell from a year earlier.",
            "a year earlier",
            "DATE",
            "2020-Q3",
            None,
        ),
        (
            Some("2021-10-26"),
            "Third-quarter net rose 5%. In the 2020 period, the company lost money.",
            "the 2020 period",
            "DATE",
            "2020-Q3",
            None,
        ),
        (
            Some("2021-10-26"),
            "For the nine months, net rose 5%, after a loss in the 2020 period.",
            "the 2020 period",
            "DATE",
            "2020",
            None,
        ),
        // "this quarter's loss": reported results, of the quarter under discussion; "this
        // quarter" itself is the quarter the anchor is in.
        (
            Some("2021-11-01"),
            "Third-quarter sales fell. This quarter's loss includes a charge.",
            "This quarter",
            "DATE",
            "2021-Q3",
            None,
        ),
        (
            Some("2021-11-01"),
            "Third-quarter sales fell. Sales should recover this quarter.",
            "this quarter",
            "DATE",
            "2021-Q4",
            None,
        ),
        (
            Some("2021-10-26"),
            "The firm was founded in the 1988 period of expansion.",
            "the 1988 period",
            "DATE",
            "1988",
            None,
        ),
    ]);
}

/// `two weeks ago today`, `a week ago Tuesday`: that day so many days before (the Tuesday a
/// week before the last Tuesday).
#[test]
fn ago_before_a_day_names_a_day() {
    let thu = Some("1998-03-12");
    check(&[
        (
            thu,
            "The index hit a record two weeks ago today.",
            "two weeks ago today",
            "DATE",
            "1998-02-26",
            None,
        ),
        (
            thu,
            "The bill passed the Senate a week ago Tuesday.",
            "a week ago Tuesday",
            "DATE",
            "1998-03-03",
            None,
        ),
        (
            thu,
            "The bill passed ten days ago.",
            "ten days ago",
            "DATE",
            "1998-03-02",
            None,
        ),
    ]);
}

/// A part of a year `of last year`, `of next year`, `of this year` or `of the year` is that
/// part of that year.
#[test]
fn parts_of_a_relative_year() {
    let a = Some("1998-03-12");
    check(&[
        (
            a,
            "Sales fell in the first half of last year.",
            "the first half of last year",
            "DATE",
            "1997-H1",
            None,
        ),
        (
            a,
            "Sales will rise in the second half of the year.",
            "the second half of the year",
            "DATE",
            "1998-H2",
            None,
        ),
        (
            a,
            "The plant opens in the first quarter of next year.",
            "the first quarter of next year",
            "DATE",
            "1999-Q1",
            None,
        ),
        (
            a,
            "Profit should rise in the fourth quarter of this year.",
            "the fourth quarter of this year",
            "DATE",
            "1998-Q4",
            None,
        ),
        (
            a,
            "Rates rose in the summer of last year.",
            "the summer of last year",
            "DATE",
            "1997-SU",
            None,
        ),
    ]);
}

/// `earlier`/`later` before the month or year the story is in, or before `that day`, belong
/// to the expression as its modifier; `or so` after an amount of time or a relative unit makes
/// it approximate.
#[test]
fn earlier_later_and_or_so() {
    check(&[
        (
            Some("2021-10-27"),
            "Earlier this month, the board approved the sale.",
            "Earlier this month",
            "DATE",
            "2021-10",
            Some("START"),
        ),
        (
            Some("2021-10-27"),
            "The studio will change hands later this month, a spokesman said.",
            "later this month",
            "DATE",
            "2021-10",
            Some("END"),
        ),
        (
            Some("2021-10-27"),
            "The mayor was elected on Oct. 3. Earlier that day, rain fell.",
            "Earlier that day",
            "DATE",
            "2021-10-03",
            Some("START"),
        ),
        (
            Some("2021-10-27"),
            "Profit rose earlier this year.",
            "earlier this year",
            "DATE",
            "2021",
            Some("START"),
        ),
        (
            Some("2021-10-27"),
            "The plant will be closed over the next year or so, a spokesman said.",
            "the next year or so",
            "DATE",
            "2022",
            Some("APPROX"),
        ),
        (
            Some("2021-10-27"),
            "The talks should last a week or so.",
            "a week or so",
            "DURATION",
            "P1W",
            Some("APPROX"),
        ),
        (
            Some("2021-10-27"),
            "The rebels struck a week or so ago.",
            "a week or so ago",
            "DATE",
            "2021-W42",
            Some("APPROX"),
        ),
        // "or" without "so" is a choice, not an approximation.
        (
            Some("2021-10-27"),
            "The delay may last a week or two.",
            "a week",
            "DURATION",
            "P1W",
            None,
        ),
    ]);
}

#[test]
fn quarters_decades_and_modifiers() {
    check(&[
        // A quarter named by the day it ended: the calendar quarter most of it lies in.
        (
            Some("2021-10-20"),
            "The company earned $5 million for the quarter ended Sept. 30.",
            "the quarter",
            "DATE",
            "2021-Q3",
            None,
        ),
        (
            Some("2021-10-20"),
            "Sales rose in the quarter ended July 31, the chain said.",
            "the quarter",
            "DATE",
            "2021-Q2",
            None,
        ),
        (
            Some("2021-10-20"),
            "Its quarter ended Oct. 1, and the quarter ended Oct. 1 was strong.",
            "the quarter",
            "DATE",
            "2021-Q3",
            None,
        ),
        // Ended in January: the last quarter of the year before.
        (
            Some("2022-02-20"),
            "Profit fell in the quarter ended Jan. 31.",
            "the quarter",
            "DATE",
            "2021-Q4",
            None,
        ),
        // Ended later in the year than the anchor: last year's.
        (
            Some("2022-02-20"),
            "Profit fell in the quarter ended Nov. 30.",
            "the quarter",
            "DATE",
            "2021-Q4",
            None,
        ),
        // A quarter named by its (fiscal) number just before is the one that ended.
        (
            Some("2021-10-20"),
            "The fiscal first quarter was strong. Sales for the quarter ended Sept. 30 rose.",
            "the quarter",
            "DATE",
            "2021-Q1",
            None,
        ),
        // `a year earlier` then goes back to it.
        (
            Some("2021-10-20"),
            "Sales for the quarter ended Sept. 30 rose 9% from a year earlier.",
            "a year earlier",
            "DATE",
            "2020-Q3",
            None,
        ),
        // A passing mention of an earlier quarter, or of one not yet over, does not displace
        // the quarter reported on.
        (
            Some("2021-11-01"),
            "Third-quarter profit rose. After a flat second quarter, sales picked up. \
             Costs were lower than a year ago.",
            "a year ago",
            "DATE",
            "2020-Q3",
            None,
        ),
        (
            Some("2021-11-02"),
            "Third-quarter net income rose. The storm will bring a fourth-quarter charge. \
             Earnings fell 5% from a year ago.",
            "a year ago",
            "DATE",
            "2020-Q3",
            None,
        ),
        (
            Some("2021-11-02"),
            "Third-quarter net income rose. The storm will bring a fourth-quarter charge. \
             Losses narrowed in the latest quarter.",
            "the latest quarter",
            "DATE",
            "2021-Q3",
            None,
        ),
        // The story moves on to a later quarter: that one is reported on.
        (
            Some("2021-11-02"),
            "In the 2019 third quarter it lost money. Third-quarter profit rose from a year ago.",
            "a year ago",
            "DATE",
            "2020-Q3",
            None,
        ),
        // The first two quarters are the first half.
        (
            FRI,
            "Sales should stay weak through the first two quarters of 2022.",
            "the first two quarters of 2022",
            "DATE",
            "2022-H1",
            None,
        ),
        // A year-ago period named as a quarter stays a quarter: the one under discussion, else
        // the last one reported before the anchor, a year earlier.
        (
            Some("2021-10-20"),
            "Profit doubled from the year-ago quarter.",
            "the year-ago quarter",
            "DATE",
            "2020-Q3",
            None,
        ),
        // A quarter not yet begun is not the one reported on.
        (
            Some("2021-10-20"),
            "Orders for the third quarter of 2022 are firm. The year-ago period was weak.",
            "The year-ago period",
            "DATE",
            "2020-Q3",
            None,
        ),
        (
            Some("2021-10-20"),
            "In the second quarter, sales fell. For the quarter a year ago, they rose.",
            "the quarter a year ago",
            "DATE",
            "2020-Q2",
            None,
        ),
        (
            Some("1989-10-26"),
            "Profit rose in the third quarter.",
            "the third quarter",
            "DATE",
            "1989-Q3",
            None,
        ),
        (
            Some("1989-10-26"),
            "Third-quarter profit rose.",
            "Third-quarter",
            "DATE",
            "1989-Q3",
            None,
        ),
        (
            Some("1989-10-26"),
            "Profit rose in the fiscal first quarter.",
            "the fiscal first quarter",
            "DATE",
            "1989-Q1",
            None,
        ),
        (
            Some("1989-10-26"),
            "Profit rose in 1988's fourth quarter.",
            "1988's fourth quarter",
            "DATE",
            "1988-Q4",
            None,
        ),
        (
            Some("1989-10-26"),
            "Profit fell in the second half of 1988.",
            "the second half of 1988",
            "DATE",
            "1988-H2",
            None,
        ),
        (
            FRI,
            "It boomed in the 1990s.",
            "the 1990s",
            "DATE",
            "199",
            None,
        ),
        (
            FRI,
            "It boomed in the '80s.",
            "the '80s",
            "DATE",
            "198",
            None,
        ),
        (
            FRI,
            "It began in the 20th century.",
            "the 20th century",
            "DATE",
            "19",
            None,
        ),
        (
            FRI,
            "It began in early March.",
            "early March",
            "DATE",
            "2021-03",
            Some("START"),
        ),
        (
            FRI,
            "It began in mid-1996.",
            "mid-1996",
            "DATE",
            "1996",
            Some("MID"),
        ),
        (
            FRI,
            "It began in late November.",
            "late November",
            "DATE",
            "2020-11",
            Some("END"),
        ),
        (
            FRI,
            "It ends by the end of 2022.",
            "the end of 2022",
            "DATE",
            "2022",
            Some("END"),
        ),
        (
            FRI,
            "It began in the late 1970s.",
            "the late 1970s",
            "DATE",
            "197",
            Some("END"),
        ),
        (
            FRI,
            "It opened earlier this year.",
            "earlier this year",
            "DATE",
            "2021",
            Some("START"),
        ),
        (
            FRI,
            "It ends early next year.",
            "early next year",
            "DATE",
            "2022",
            Some("START"),
        ),
        (
            FRI,
            "It began in the winter of 1994.",
            "the winter of 1994",
            "DATE",
            "1994-WI",
            None,
        ),
    ]);
}

#[test]
fn durations_and_sets() {
    check(&[
        // "later" relates a duration to another event; it is not a shift from the anchor.
        (
            FRI,
            "Three days later, the talks resumed.",
            "Three days",
            "DURATION",
            "P3D",
            None,
        ),
        (
            FRI,
            "He came back a minute and a half later.",
            "a minute and a half",
            "DURATION",
            "PT1M30S",
            None,
        ),
        (
            FRI,
            "It lasted three days.",
            "three days",
            "DURATION",
            "P3D",
            None,
        ),
        (FRI, "It lasted 3 days.", "3 days", "DURATION", "P3D", None),
        (
            FRI,
            "It lasted two hours.",
            "two hours",
            "DURATION",
            "PT2H",
            None,
        ),
        (
            FRI,
            "It lasted 45 minutes.",
            "45 minutes",
            "DURATION",
            "PT45M",
            None,
        ),
        (
            FRI,
            "It lasted twenty-four years.",
            "twenty-four years",
            "DURATION",
            "P24Y",
            None,
        ),
        (
            FRI,
            "A two-year contract was signed.",
            "two-year",
            "DURATION",
            "P2Y",
            None,
        ),
        (
            FRI,
            "Funds may have to sell bonds in the weeks ahead.",
            "the weeks ahead",
            "DURATION",
            "PXW",
            None,
        ),
        (
            FRI,
            "Over the years the town has grown.",
            "the years",
            "DURATION",
            "PXY",
            None,
        ),
        (
            FRI,
            "Prices will climb over the next couple of years.",
            "the next couple of years",
            "DURATION",
            "P2Y",
            Some("APPROX"),
        ),
        (
            FRI,
            "It lasted 2 1/2 years.",
            "2 1/2 years",
            "DURATION",
            "P2Y6M",
            None,
        ),
        (
            FRI,
            "It lasted a minute and a half.",
            "a minute and a half",
            "DURATION",
            "PT1M30S",
            None,
        ),
        (
            FRI,
            "It lasted several years.",
            "several years",
            "DURATION",
            "PXY",
            None,
        ),
        (
            FRI,
            "It lasted two decades.",
            "two decades",
            "DURATION",
            "P20Y",
            None,
        ),
        (
            FRI,
            "Sales rose in the past three months.",
            "the past three months",
            "DURATION",
            "P3M",
            None,
        ),
        (
            FRI,
            "Sales rose in the first nine months.",
            "the first nine months",
            "DURATION",
            "P9M",
            None,
        ),
        (
            FRI,
            "It will take the next few days.",
            "the next few days",
            "DURATION",
            "PXD",
            None,
        ),
        (
            FRI,
            "It lasted more than four hours.",
            "more than four hours",
            "DURATION",
            "PT4H",
            Some("MORE_THAN"),
        ),
        (
            FRI,
            "It lasts up to 180 days.",
            "up to 180 days",
            "DURATION",
            "P180D",
            Some("EQUAL_OR_LESS"),
        ),
        (
            FRI,
            "It lasted at least 20 years.",
            "at least 20 years",
            "DURATION",
            "P20Y",
            Some("EQUAL_OR_MORE"),
        ),
        (
            FRI,
            "It lasted nearly forty years.",
            "nearly forty years",
            "DURATION",
            "P40Y",
            Some("EQUAL_OR_LESS"),
        ),
        (
            FRI,
            "The paper is published daily.",
            "daily",
            "SET",
            "P1D",
            None,
        ),
        (
            FRI,
            "The paper is published weekly.",
            "weekly",
            "SET",
            "P1W",
            None,
        ),
        (
            FRI,
            "It runs every month.",
            "every month",
            "SET",
            "P1M",
            None,
        ),
        (
            FRI,
            "It runs each July.",
            "each July",
            "SET",
            "XXXX-07",
            None,
        ),
        (
            FRI,
            "The council meets every other week.",
            "every other week",
            "SET",
            "P2W",
            None,
        ),
        // Seasons recur as sets too, and so do counted seasons: each of those summers.
        (
            FRI,
            "The resort opens every summer.",
            "every summer",
            "SET",
            "XXXX-SU",
            None,
        ),
        (
            FRI,
            "Each winter the pass is closed.",
            "Each winter",
            "SET",
            "XXXX-WI",
            None,
        ),
        (
            FRI,
            "Marches have turned violent in the past three summers.",
            "the past three summers",
            "SET",
            "XXXX-SU",
            None,
        ),
        (
            FRI,
            "The last two winters were mild.",
            "The last two winters",
            "SET",
            "XXXX-WI",
            None,
        ),
    ]);
}

#[test]
fn clock_times() {
    check(&[
        // A clock time before `on` and a day falls on that day, even after another day.
        (
            FRI,
            "Talks began on Tuesday. The offer expires at 5 p.m. on March 20.",
            "5 p.m.",
            "TIME",
            "2021-03-20T17:00",
            None,
        ),
        (
            FRI,
            "Talks began on Tuesday. The offer expires at 5 p.m. on March 20.",
            "March 20",
            "DATE",
            "2021-03-20",
            None,
        ),
        (
            FRI,
            "The blast came at 10:35 a.m. in the city.",
            "10:35 a.m.",
            "TIME",
            "2021-02-26T10:35",
            None,
        ),
        (
            FRI,
            "It starts at 10 p.m. Wednesday.",
            "10 p.m. Wednesday",
            "TIME",
            "2021-02-24T22:00",
            None,
        ),
        (
            FRI,
            "It ended at noon Thursday.",
            "noon Thursday",
            "TIME",
            "2021-02-25T12:00",
            None,
        ),
        (
            FRI,
            "It ended around 7:15 p.m. here.",
            "around 7:15 p.m.",
            "TIME",
            "2021-02-26T19:15",
            Some("APPROX"),
        ),
        (
            FRI,
            "They left at 4 in the morning.",
            "4 in the morning",
            "TIME",
            "2021-02-26T04:00",
            None,
        ),
        (
            FRI,
            "Markets close at 5 p.m. EST today.",
            "5 p.m. EST today",
            "TIME",
            "2021-02-26T17:00",
            None,
        ),
        // A time of day with no day of its own falls on the day named just before it.
        (
            FRI,
            "Shares fell Tuesday. Dealers sold at 10 a.m. to cut losses.",
            "10 a.m.",
            "TIME",
            "2021-02-23T10:00",
            None,
        ),
        (
            FRI,
            "Shares fell Tuesday. Dealers placed orders in the morning to limit losses.",
            "the morning",
            "TIME",
            "2021-02-23TMO",
            None,
        ),
        (
            FRI,
            "Shares fell on Feb. 2, traders said. Dealers sold at noon.",
            "noon",
            "TIME",
            "2021-02-02T12:00",
            None,
        ),
    ]);
}

#[test]
fn days_told_from_other_days() {
    check(&[
        // "the day before/after" a day: that day moved by one.
        (
            FRI,
            "The day before last Tuesday's hearing, he flew home.",
            "The day before last Tuesday",
            "DATE",
            "2021-02-22",
            None,
        ),
        (
            FRI,
            "Shops reopened the day after Christmas.",
            "the day after Christmas",
            "DATE",
            "2020-12-26",
            None,
        ),
        // The eve of a holiday is the day before it.
        (
            FRI,
            "Shops closed early on Christmas Eve.",
            "Christmas Eve",
            "DATE",
            "2020-12-24",
            None,
        ),
        (
            FRI,
            "Fireworks lit the sky on New Year's Eve.",
            "New Year's Eve",
            "DATE",
            "2020-12-31",
            None,
        ),
        (
            FRI,
            "Shops were busy the day before Christmas Eve.",
            "the day before Christmas Eve",
            "DATE",
            "2020-12-23",
            None,
        ),
        (
            WED,
            "The court ruled the day after Friday's hearing.",
            "the day after Friday",
            "DATE",
            "1998-08-08",
            None,
        ),
        // In apposition to a day just named: that day.
        (
            FRI,
            "Prices fell on Feb. 12, the day before the vote.",
            "the day",
            "DATE",
            "2021-02-12",
            None,
        ),
        (
            FRI,
            "He quit on Jan. 4, the day after the meeting.",
            "the day",
            "DATE",
            "2021-01-04",
            None,
        ),
        // "the next day" and "the next morning" count from the story's day.
        (
            FRI,
            "He was arrested on Feb. 10 and appeared in court the next morning.",
            "the next morning",
            "TIME",
            "2021-02-11TMO",
            None,
        ),
        (
            FRI,
            "The board met on Feb. 3. The next day, the chairman resigned.",
            "The next day",
            "DATE",
            "2021-02-04",
            None,
        ),
        // "since year-end": the last year-end gone by, whatever the tense.
        (
            FRI,
            "The percentage change is since year-end.",
            "year-end",
            "DATE",
            "2020-12-31",
            None,
        ),
        // A weekday with its date after a comma is one expression.
        (
            Some("1998-03-05"),
            "Women's Day is this coming Sunday, March eighth.",
            "this coming Sunday, March eighth",
            "DATE",
            "1998-03-08",
            None,
        ),
        (
            FRI,
            "He is due back next Wednesday, March 3, aides said.",
            "next Wednesday, March 3",
            "DATE",
            "2021-03-03",
            None,
        ),
        // A clock time before a parenthesized one falls on the day after the aside.
        (
            WED,
            "The blast occurred at 10:35 a.m. (0735 GMT) Friday, police said.",
            "10:35 a.m.",
            "TIME",
            "1998-08-07T10:35",
            None,
        ),
        (
            WED,
            "The blast occurred at 10:35 a.m. (0735 GMT) Friday, police said.",
            "Friday",
            "DATE",
            "1998-08-07",
            None,
        ),
    ]);
}

#[test]
fn months_pasts_and_decades_in_context() {
    check(&[
        // "the March accession": March dates the noun after it.
        (
            FRI,
            "The March accession will let them join.",
            "March",
            "DATE",
            "2021-03",
            None,
        ),
        (
            FRI,
            "Traders said the May contract fell.",
            "May",
            "DATE",
            "2021-05",
            None,
        ),
        // "in the past" before the clause it opens.
        (
            FRI,
            "In the filing, the company said that in the past it considered a bid.",
            "the past",
            "DATE",
            "PAST_REF",
            None,
        ),
        (
            FRI,
            "Farmers who in the past have grown oats now grow corn.",
            "the past",
            "DATE",
            "PAST_REF",
            None,
        ),
        // "the past decade" is the ten years up to now; "the last decade" the one before this.
        (
            FRI,
            "Threats became routine over the past decade.",
            "the past decade",
            "DURATION",
            "P10Y",
            None,
        ),
        (
            FRI,
            "It was one of the great events of the past century.",
            "the past century",
            "DURATION",
            "P100Y",
            None,
        ),
        (
            FRI,
            "Wages lost ground in the last decade.",
            "the last decade",
            "DATE",
            "201",
            None,
        ),
        (
            FRI,
            "Sales were flat in the last half of the '80s.",
            "the last half of the '80s",
            "DATE",
            "198",
            Some("END"),
        ),
        // A year before a comma and a number is still a year, unless glued (`1998,000`).
        (
            FRI,
            "Cars crossed the border in 1994, 1995 and 1997.",
            "1994",
            "DATE",
            "1994",
            None,
        ),
        (
            FRI,
            "In 2012, 43 percent of the money came from small donors.",
            "2012",
            "DATE",
            "2012",
            None,
        ),
        (
            FRI,
            "The bank opened on January 24, 1986, in Ohio.",
            "January 24, 1986",
            "DATE",
            "1986-01-24",
            None,
        ),
        // One unit long.
        (
            FRI,
            "They emerged from a third day-long meeting.",
            "day-long",
            "DURATION",
            "P1D",
            None,
        ),
        (
            FRI,
            "The year-long inquiry was closed.",
            "year-long",
            "DURATION",
            "P1Y",
            None,
        ),
        // Decades of unknown number are years, as a known number of decades is.
        (
            FRI,
            "The feud has gone on for decades.",
            "decades",
            "DURATION",
            "PXY",
            None,
        ),
        (
            FRI,
            "It ended a decades-long feud.",
            "decades-long",
            "DURATION",
            "PXY",
            None,
        ),
        (
            FRI,
            "It ended two decades of feuding.",
            "two decades",
            "DURATION",
            "P20Y",
            None,
        ),
    ]);
}

#[test]
fn generic_presents_periods_and_rates() {
    check(&[
        // "today's youth" is the present in general; "today's session" the article's day.
        (
            FRI,
            "The case is a lesson for today's youth.",
            "today",
            "DATE",
            "PRESENT_REF",
            None,
        ),
        (
            FRI,
            "Facts are losing their value in today's world.",
            "today",
            "DATE",
            "PRESENT_REF",
            None,
        ),
        (
            FRI,
            "Today's session opened higher.",
            "Today",
            "DATE",
            "2021-02-26",
            None,
        ),
        // "that quarter": the quarter under discussion.
        (
            FRI,
            "It lost $3 million in the third quarter. Results for that quarter included a charge.",
            "that quarter",
            "DATE",
            "2020-Q3",
            None,
        ),
        // So many things a week: a set of weeks; a stretch of a week otherwise.
        (
            WED,
            "Qantas runs four flights a week to Bombay.",
            "a week",
            "SET",
            "P1W",
            None,
        ),
        (
            WED,
            "The mine produces 65 tonnes a year.",
            "a year",
            "SET",
            "P1Y",
            None,
        ),
        (
            WED,
            "Agents do hundreds of interviews a day.",
            "a day",
            "SET",
            "P1D",
            None,
        ),
        (
            WED,
            "The unit was losing 140,000 dlrs a quarter.",
            "a quarter",
            "SET",
            "P3M",
            None,
        ),
        (
            WED,
            "The trip takes a week.",
            "a week",
            "DURATION",
            "P1W",
            None,
        ),
        (
            WED,
            "He stays a week in Bombay.",
            "a week",
            "DURATION",
            "P1W",
            None,
        ),
    ]);
}

#[test]
fn words_that_are_not_times() {
    for text in [
        "He may go.",
        "They march on the capital.",
        "The 6-year-old boy smiled.",
        "He paid $1998 for 2,000 shares.",
        "Output was 1998,000 tonnes.",
        "They won that quarter of the vote.",
        "The current account deficit widened.",
        "About three-quarters of voters agreed.",
        "Recent sales were weak.",
        "Funds hold a quarter of all such bonds.",
        "Sales should grow 8% annually.",
        "Rents rose 3 percent yearly.",
        "They joined this march in the capital.",
        "The film High Noon won four awards.",
        "For the party, high noon has come.",
        "They spoke about the future of the alliance.",
        "They led the Spring of Life protests.",
        "The March of Dimes raised funds.",
        "They joined the March on Washington.",
        "She told the New York Daily News.",
        "As the China Daily said.",
        "A USA Today poll found support.",
        "This is VOA Today.",
        "He told NBC's Today show.",
    ] {
        let (src, found) = run(FRI, text);
        let texts: Vec<&str> = found.iter().map(|t| &src.as_str()[t.span]).collect();
        let allowed = text.contains("current") && texts == ["current"];
        assert!(texts.is_empty() || allowed, "{text:?}: found {texts:?}");
    }
    // After a month-day, a number that is an amount, or an earlier day, is no date.
    for text in [
        "On March 3 and 25 people were hurt.",
        "Prices on April 4 rose to 5.5 percent.",
        "By June 12 and 3% of the vote was counted.",
        "From June 12 to 9 the office stays shut.",
        "The count on May 2 to 10:30 was slow.",
    ] {
        let (src, found) = run(FRI, text);
        let texts: Vec<&str> = found.iter().map(|t| &src.as_str()[t.span]).collect();
        let allowed = texts.len() == 1;
        assert!(texts.is_empty() || allowed, "{text:?}: found {texts:?}");
    }
}

/// `the morning of Feb. 3` is no morning of the day named before: the date after `of` is the
/// expression.
#[test]
fn a_part_of_day_of_a_date_is_that_date() {
    let (src, found) = run(
        FRI,
        "Talks began on Jan. 15. They met on the morning of Feb. 3.",
    );
    let got: Vec<(&str, String)> = found
        .iter()
        .map(|t| (&src.as_str()[t.span], t.value.to_timex3()))
        .collect();
    assert_eq!(
        got,
        [
            ("Jan. 15", "2021-01-15".to_string()),
            ("Feb. 3", "2021-02-03".to_string())
        ]
    );
}

/// A capitalized plural season is a name (`Lawrence Summers`), and a bare plural is no time.
#[test]
fn plural_seasons_only_when_counted() {
    for text in [
        "Treasury Secretary Lawrence Summers spoke to three Summers of the family.",
        "He spent summers in Maine.",
    ] {
        let (_, found) = run(FRI, text);
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
}

#[test]
fn typed_values_sort_on_a_timeline() {
    let (_, found) = run(
        FRI,
        "Talks began in 1998, resumed last month, stalled on Feb. 1 and end next year.",
    );
    let mut points: Vec<CalendarPoint> = found
        .iter()
        .filter_map(|t| t.value.point().copied())
        .collect();
    points.sort();
    let order: Vec<String> = points.iter().map(|p| p.to_timex3()).collect();
    assert_eq!(order, ["1998", "2021-01", "2021-02-01", "2022"]);
    assert_eq!(points[1].granularity, Granularity::Month);
}

#[test]
fn serializes_with_type_value_and_mod() {
    let (_, found) = run(FRI, "It began in early March.");
    let json = serde_json::to_string(&found).expect("serialize");
    assert_eq!(
        json,
        r#"[{"text":"early March","start":12,"end":23,"type":"DATE","value":"2021-03","mod":"START"}]"#
    );
}
