"""The demo's improvement ideas, as text that ``ideas.parse_ideas`` reads (kept as text so
sixty ideas stay readable in one screenful each).

Each idea starts with ``@ team category final_status [anonymous] [review] [by=account]``,
then ``T:`` title, ``D:`` description, optionally ``N:`` (the impact note of an implemented
idea or the reason a declined one was declined) and ``M:`` (the title of the idea a merged
one was merged into). Indented lines continue the field above. ``review`` marks ideas that
came out of a review's suggestions; ``by`` names one of the fixed accounts as the author.
Lines starting with ``#`` are comments."""

IDEAS_TEXT = """
# Service Desk
@ service_desk process implemented
T: Callback slots instead of holding in the queue
D: When the phone queue is longer than ten minutes, offer a callback slot instead of keeping
   people on hold. Most abandoned calls happen after about eight minutes.
N: Abandoned calls fell from 14% to 6% in the first month; callers book about forty
   callbacks a week.
@ service_desk tools implemented review by=staff
T: Reviewed reply templates for the ten most common tickets
D: A shared set of reply templates for password resets, MFA re-enrolment, VPN set-up and the
   other top requests, written in plain language and reviewed twice a year.
N: Templates are used in about a third of e-mail replies, and fewer of those tickets are
   reopened.
@ service_desk customer_experience under_review by=staff
T: Tell callers their place in the queue
D: Announce the caller's position and the expected wait at the start and every two minutes.
   People hang up less when they know how long it will take.
@ service_desk training planned review
T: A shadowing day with second line for new analysts
D: New analysts spend a day with Application Support in their first month, so they see what
   a good escalation looks like from the receiving end.
@ service_desk tools declined
T: Skip the identity check for known staff numbers
D: Staff who call about a lost phone are usually in a hurry. We could skip the ID questions
   when the call comes from a known internal number.
N: We cannot skip identity checks: MFA resets are the most common way accounts are taken
   over. Security will shorten the question list instead.
@ service_desk process under_review
T: A known-issues message on the phone menu
D: During a major incident, record a short message at the start of the phone menu so callers
   with the same problem hear it before they wait.
@ service_desk communication merged
T: Record an outage message for the phone line
D: During the e-mail outage we took two hundred calls about the same thing. A recorded
   message would have saved most of them.
M: A known-issues message on the phone menu
@ service_desk communication implemented anonymous
T: Rotate who takes the late shift
D: The same few people cover the 17:00-20:00 shift most weeks. A published rota would be
   fairer.
N: A four-week rota is in the team calendar; late shifts are now spread evenly across eleven
   people.
@ service_desk other under_review anonymous
T: A quiet room for a break after difficult calls
D: After an abusive call there is nowhere to step away for five minutes. The small meeting
   room next to the desk could be kept free for that.
@ service_desk tools planned by=manager
T: A ticket-quality checklist on the resolve screen
D: Add a short checklist when resolving (category set, steps recorded, customer confirmed)
   so tickets are complete before they close.
@ service_desk training submitted review
T: A twenty-minute knowledge base refresher each month
D: Once a month one analyst presents three knowledge base articles that changed, during the
   Tuesday stand-up.
@ service_desk customer_experience declined anonymous
T: Open the walk-in counter on Saturdays
D: Students in evening programmes can only come in at the weekend.
N: Fewer than four people a day came during the Saturday trial; the counter now stays open
   until 19:00 on Thursdays instead.
@ service_desk process implemented review
T: An escalation template with required fields
D: Escalations to second line often miss the device name or the exact error. Required fields
   would stop the back-and-forth.
N: Second line now returns about one escalation in twenty for missing information, down from
   one in five.
@ service_desk tools submitted
T: A screen-sharing link straight from the chat
D: Let analysts send a one-click screen-sharing link from the chat window instead of talking
   people through installing the remote support tool.
@ service_desk process merged
T: A checklist before escalating to second line
D: Before escalating, check a short list: error text, device, what was tried. Second line
   keeps sending tickets back.
M: An escalation template with required fields
@ service_desk communication submitted by=leader
T: A monthly 'you asked, we did' note
D: Send the whole desk a short monthly note listing the ideas that moved forward, so people
   see that their suggestions matter.
# Application Support
@ app_support tools implemented by=admin
T: Self-service unlock for accounts locked by the sync
D: After each password change the sync job locks a few accounts and they all reach us. Let
   the identity portal unlock them after an SMS check.
N: About 120 tickets a month no longer reach the desk.
@ app_support process planned review
T: A release digest before every study system update
D: Before each update of the study information system, send the desk one page: what changes
   for users, known issues and whom to escalate to.
@ app_support training under_review
T: A learning platform course for first line
D: A short self-paced course on the teachers' most common questions about the learning
   platform, so first line can answer them without escalating.
@ app_support tools declined anonymous
T: Local admin rights on lab machines for second line
D: We lose time waiting for Field Support to install software in the computer labs.
N: Lab machines are rebuilt from a managed image every night, so local changes would not
   survive. Field Support now runs a weekly install window.
@ app_support communication implemented
T: A status page for the study information system
D: A public page showing whether the study information system is up, with planned
   maintenance, so students and staff can check before calling.
N: The page had 3,400 visits during the March outage and calls about it roughly halved.
@ app_support communication merged
T: Show planned maintenance on the login page
D: Put a banner on the login page a few days before planned maintenance.
M: A status page for the study information system
@ app_support process submitted
T: Tag tickets with the business process they concern
D: Tag study system tickets with the process (enrolment, grading, timetabling) so we can see
   which process causes most work and fix the cause.
@ app_support tools planned review
T: Test student accounts for reproducing problems
D: A set of test student accounts in each programme, so we can reproduce problems without
   asking students for their screen.
@ app_support training implemented review
T: A buddy for every new colleague's first quarter
D: Pair each new specialist with an experienced colleague for their first three months.
N: Both new specialists this year handled escalations alone after six weeks instead of three
   months.
@ app_support other declined anonymous
T: Four-day on-call blocks instead of seven
D: A whole week on call is exhausting; four-day blocks would spread the load.
N: On-call blocks are set in the collective agreement; changing them needs a wider
   negotiation that cannot start this year.
@ app_support process under_review anonymous
T: Written updates instead of the Thursday meeting
D: The daily stand-up and the Thursday status meeting repeat each other. A written update in
   the team channel would free an hour a week.
@ app_support customer_experience submitted
T: Tell teachers about the grade-sync delay
D: Show a note in the gradebook that grades take up to an hour to reach the study
   information system, so teachers stop entering them twice.
@ app_support communication planned review
T: A shared escalation channel with first line
D: A chat channel where first line can ask a quick question before opening an escalation
   ticket.
@ app_support tools implemented
T: Saved searches for stale tickets
D: A saved search for each specialist listing tickets untouched for five days.
N: Tickets untouched for more than five days fell from about sixty to under fifteen.
# Student & Staff Services
@ student_services process implemented
T: Create student accounts before enrolment week
D: Create accounts as soon as admission is confirmed, not on the first day, so the enrolment
   Monday queue is for real problems.
N: Enrolment-week tickets fell by a third and the longest queue was 25 minutes instead of
   two hours.
@ student_services customer_experience planned review
T: English how-to sheets for international students
D: The first-week leaflet is only in the local language. Add English versions of the account
   and Wi-Fi sheets.
@ student_services process under_review
T: Appointments for access card problems
D: Let people book a ten-minute slot for access card problems instead of queuing at the
   counter.
@ student_services tools declined anonymous
T: Let students choose their e-mail address
D: Many students ask for a nicer address than the generated one.
N: Addresses follow the naming policy so they stay unique for decades; students can now
   choose the display name shown with them instead.
@ student_services communication implemented review
T: A welcome e-mail to new staff a week early
D: Send new staff their account details and first-day instructions a week before they start.
N: New staff arrive with their account working; first-day onboarding tickets fell from about
   thirty to eight a month.
@ student_services communication merged
T: Send account details to new staff before day one
D: New colleagues spend their first morning waiting for an account.
M: A welcome e-mail to new staff a week early
@ student_services training submitted
T: A short course on supporting distressed students
D: Sometimes a student at the counter is upset about something bigger than IT. A short
   course from student counselling would help us respond well and refer them.
@ student_services process planned review
T: One leaver form instead of three
D: HR, IT and facilities each have their own leaver form. One shared form would stop
   accounts staying active after people leave.
@ student_services customer_experience declined
T: Counter open until 20:00 in enrolment week
D: Evening students cannot reach the counter during enrolment week.
N: The counter had very few visitors after 18:00 last year; phone and chat now stay open
   until 20:00 that week instead.
@ student_services tools implemented
T: A QR code at the counter linking to the guides
D: A QR code on the counter and the queue screen that opens the most-used guides.
N: The guides' visits doubled during enrolment and the counter's average visit is two
   minutes shorter.
@ student_services other under_review anonymous
T: Recognise the enrolment-week team
D: Enrolment week is the hardest week of our year. A thank-you from leadership, even a team
   lunch, would go a long way.
@ student_services process submitted
T: Check ID card photos when they are uploaded
D: Reject unusable photos at upload instead of at the counter, with a note saying what to
   change.
@ student_services training planned review
T: Cross-training with the Service Desk on resets
D: Two advisors learn the Service Desk's password and MFA reset procedure, so the counter
   can solve these without sending people away.
@ student_services process merged
T: An online queue number for the counter
D: Take a number online and come when it is nearly your turn.
M: Appointments for access card problems
@ student_services customer_experience implemented
T: Evening chat during enrolment week
D: Keep the chat open until 21:00 during enrolment week, when most students are trying to
   log in for the first time.
N: Chat took 640 conversations in the evenings of enrolment week; next-morning phone queues
   were much shorter.
# Field & Network Support
@ field_network tools implemented
T: A pool of spare laptops for urgent swaps
D: Keep six configured laptops ready so a broken one can be swapped on the spot.
N: Staff with a broken laptop are working again within an hour instead of two days.
@ field_network process planned review
T: Check the lecture-hall AV before the first lecture
D: Walk the ten busiest lecture halls at 7:45 on Mondays during term to test projectors and
   microphones before lecturers arrive.
@ field_network tools submitted
T: A Wi-Fi heat map of the campus
D: Measure Wi-Fi coverage building by building, so we can answer 'the Wi-Fi is slow in room
   X' with data and plan new access points.
@ field_network other declined anonymous
T: A car for visits between campuses
D: Technicians carry equipment between campuses on the bus.
N: The campuses are within two kilometres of each other; we bought two cargo bikes and
   travel cards instead.
@ field_network communication implemented review
T: Text the customer when a technician is coming
D: Send an SMS with the technician's name and time window when a visit is booked.
N: No-shows at booked visits dropped from about one in eight to one in forty.
@ field_network process under_review
T: Toner stock in every building
D: Keep two spare toner sets in each building's storeroom so a printer does not wait a day
   for a technician to bring toner.
@ field_network process merged
T: Spare toner closer to the printers
D: Half of our printer visits are just to bring toner.
M: Toner stock in every building
@ field_network training planned
T: Basic network troubleshooting for first line
D: A two-hour session for the Service Desk on checking cables, ports and Wi-Fi settings
   before a technician is sent.
@ field_network tools declined
T: Replace the label printers
D: The label printers are slow and the labels peel off in the comms rooms.
N: This year's budget is committed to the Wi-Fi upgrade; we will look at it again in the
   next budget round.
@ field_network process implemented anonymous
T: A morning triage of field tickets
D: Tickets sent to Field Support overnight sit unassigned until someone notices. A triage at
   8:30 would fix that.
N: Field tickets are now assigned within an hour of the start of the day.
@ field_network customer_experience submitted
T: Loan headsets for online exams
D: Students without a headset call us in a panic before online exams. A small loan pool at
   the counter would solve it.
@ field_network process under_review review
T: Photograph the cabling in every comms room
D: Photograph every patch panel after changes, so we can check remotely before walking
   across campus.
@ field_network training implemented
T: Safety training for ladder and ceiling work
D: Several of us install access points on ladders without any safety training.
N: Everyone in the team completed the course; we bought two platform ladders.
@ field_network process declined anonymous
T: Stop supporting personal devices
D: Personal laptops take a lot of time and we cannot fix them properly anyway.
N: Students rely on their own devices; we will limit support to network access, e-mail and
   the learning platform, and publish that.
@ field_network tools planned anonymous
T: A shared calendar for classroom AV bookings
D: Lecturers book AV help by e-mail, phone and in person. One shared calendar would stop
   double bookings.
"""
