# ruff: noqa: E501 - story paragraphs are one line each, as in real copy
"""Story texts for the import/export tests: invented Port Calder copy, in the plain-text format.

SEED_SHAPED has the shape of a real wire story: a standfirst, seven takeaways (indented
bullets, one with a quotation inside), four verified paragraphs (one with «guillemets» inside),
two analysis paragraphs and three labelled impact items, a pull quote in curly quotes with its
"Name, role" line after a blank line, three unconfirmed bullets, a bottom line, an empty
Sources heading and the page's "Leave a Comment" furniture (without a final newline).
"""

SEED_SHAPED = """\
Harbour board rules out private operator for the night ferry

The Port Calder Harbour Board on Tuesday refused to discuss handing the night ferry to a private operator, with its chair saying the service would stay public “for as long as the board exists”.

Key takeaways

  • The board chair said a private night ferry would not be discussed “at any meeting”.
  • The statement came at the board's open session on 3 March 2026.
  • A consortium of two coach firms had offered to run the crossing from April.
  • The council's transport cabinet member is due to meet the consortium on Friday.
  • Ferry unions called the offer a way to cut night-shift pay.
  • The board and the consortium disagree on who would pay for the new pontoon: each says the other.
  • The mayor has promised a decision on the timetable before the summer.

Verified facts

At the open session in the harbour office, board chair Ada Quayle told members the board would not consider «any transfer of the night crossing to a private hand» in the current term. The minutes were published on 4 March 2026.

The statement answered a letter from the Calder Coaches consortium, which said last week it had a “fully costed plan” to run the night ferry from April.

Councillor Ifeoma Barnes is due to meet the consortium on Friday to discuss the timetable. She said the figures in the letter had not yet been checked by council officers.

The board has said any change would need a new pontoon at the north quay, which it estimates at £2.4m. The consortium says the council should pay for it.

Context & impact

The dispute turns on who runs the last crossings of the day and who pays for the pier they need. The consortium's offer would keep fares at their current level while moving staff to new contracts.

The board's refusal narrows the council's options before Friday's meeting. If the board holds to it, the council would have to fund the night service itself or cut the last two crossings.

  • Passengers: The last crossing at 23:40 could be cut if no operator is found by the autumn.
  • Staff contracts: Night-shift crews would keep their current terms while the board runs the service.
  • Council budget: The pontoon would take most of next year's transport capital fund.

“The night ferry is a public service and it will stay one, whatever the spreadsheet says,”

Ada Quayle, chair of the Port Calder Harbour Board

Unconfirmed

  • The number of crews the consortium would employ has not been made public.
  • Details of the consortium's “fully costed plan” have not been shared with the board.
  • The date of a second meeting between the council and the consortium has not been confirmed by either side.

Bottom line

The board's refusal leaves the council with a narrow choice: pay for the night ferry and its pontoon from its own budget, or shorten the timetable. A deal with the consortium now looks unlikely while the board holds its position.

Sources

Leave a Comment"""

# A smaller story that uses the rest of the format: citations, sources, a disputed claim,
# straight quotes, an attribution right under its quotation, wrapped lines and "-"/"*" bullets.
FULL = """\
Tram depot vote delayed by a week

The city council postponed its vote on the tram depot.
The delay gives officers time to publish the noise survey.

Key takeaways
- The vote moves to 12 March.
* Officers will publish the noise survey
  before the vote.

Verified facts

The council confirmed the new date in a statement on Monday. [1]

The noise survey covers 140 homes near the depot site. [1][2]

Context and impact

The depot is the last large piece of the tram plan.

- Residents: Night-time testing would stop until the survey is published.

"We want every household to see the numbers first,"
Ifeoma Barnes, cabinet member for transport

Disputed

- Residents' groups say the survey misses the east side of the estate. [2]

Bottom line

A week's delay costs little; a vote without the survey could cost the council its plan.

Sources

- Council statement on the tram depot — Port Calder City Council — https://example.org/tram/statement
Noise survey, depot site — https://example.org/tram/noise-survey
"""
