<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
  <context>
    <name>Announcer</name>
    <message>
      <source>Number %1, please go to counter %2.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Number %1, please come to counter %2 now.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>CounterWindow</name>
    <message>
      <source>Counter %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Call next</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Recall</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Customer arrived</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No-show</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Transfer…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Finish</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Call a number…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pause</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Current customer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for this counter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting line</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Put a no-show back in line…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Serves: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Clerk: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(not signed in)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paused</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Closed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Today at this counter: %1 served · %2 no-shows · average service %3 · average wait %4</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Longest wait %1 min (target %2 min)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No customer. Press Call next.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Green channel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Called at %1 · recalled %2 times · waited %3 min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Being served for %1 min · waited %2 min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Resume</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nobody is waiting for this counter.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Called %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 did not come after the recalls and is marked no-show.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Recalled %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 marked no-show.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 finished.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 sent to %2, keeping its place.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Call a number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ticket number (e.g. A012):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Call %1 now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel %1 (customer left)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 cancelled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Put back in line</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No-show ticket number:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 is back in line.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sign in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Clerk name or staff number:</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DisplayWindow</name>
    <message>
      <source>Hall display</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Counter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Service</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Recent calls</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Counter %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Closed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paused</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for the next customer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting: %1</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>There is no service %1 in this hall.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown green-channel reason %1.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There is no counter %1 in this hall.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Counter %1 is closed. Open it first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Counter %1 still has a customer. Finish or transfer first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Counter %1 has no customer at the moment.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nobody is waiting for counter %1.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 is %2 and cannot be %3.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 is not being served at counter %2.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 was just called at another counter.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 is already in that line.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 missed its call more than %2 minutes ago; please take a new number.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There is no ticket %1 today.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The hall profile has an error: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The hall profile %1 cannot be read.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The hall database is busy (another program holds it). Nothing was saved; try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The disk is full. Nothing was saved; free some space and try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The hall database cannot be written (read-only). Nothing was saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The disk reported an error. Nothing was saved; try again or call IT.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The hall database file is damaged. Restore the last backup or call the hall's IT support.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The hall database cannot be opened (missing folder or no permission).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>waiting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>called</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>being served</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>finished</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>a no-show</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>cancelled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>recalled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>started</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>marked no-show</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>put back in line</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Something went wrong; it has been logged. Please tell IT support.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>KioskWindow</name>
    <message>
      <source>Take a number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please choose your service</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Green channel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pay your electricity bill online next time: no queue. Ask any clerk, or call %1.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Green channel: which applies to you?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Back</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Green channel: choose your service</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%n waiting</source>
      <translation>%n waiting</translation>
    </message>
    <message>
      <source>about %n min</source>
      <translation>about %n min</translation>
    </message>
    <message>
      <source>You are next</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please remember your number; it will be called on the display.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Printing your ticket…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please take your ticket.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The printer cannot print right now. Your number is kept: please remember it, or ask a clerk to reprint your ticket.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Launcher</name>
    <message>
      <source>Counter tool</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>QueueModels</name>
    <message>
      <source>Number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Service</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waited (min)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>TicketSlip</name>
    <message>
      <source>REPRINT · 补打</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reprinted %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Green channel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Green channel · %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 people ahead of you</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 person ahead of you</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You are next</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Estimated wait: about %1 min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No estimate yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Issued %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Next time, scan to get the 网上国网 app and pay online - no queue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please listen for your number to be called</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Service hotline %1</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>