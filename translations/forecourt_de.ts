<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActivityFeed</name>
    <message>
        <source>%1 replayed the failed event #%2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 discarded the failed event #%2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 asked again for a VIN report of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 asked for a VIN report of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock #%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booking #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booking #%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> by card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> by bank transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a car added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a car changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a price changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a car deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a booking made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a booking changed or paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a booking cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a car handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a car taken back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pick-up reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a return reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a customer added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a customer changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a VIN report asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo data generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refunded %2%3 for %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 took a deposit of %2%3 for %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 returned a deposit of %2%3 for %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 took a payment of %2%3 for %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed the price of %2 from %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deleted %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, fuel %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 booked %2 from %3 to %4: %5, total %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 moved %2 to %3, from %4 to %5, total %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 marked %2 for %3 as a no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cancelled %2 for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 handed %2 over for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 took back %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %n day(s) late</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 km over the allowance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; total %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder: %1 is to be picked up at %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder: %1 is due back at %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added the customer %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added the customer %2, who may be a duplicate of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed the customer %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 generated demo data: %2 cars in %3 branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recorded an event of a kind this version does not know (“%2”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick-ups and returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a car sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sale voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 voided the sale of %2 (%3 on %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sold %2 for %3 on %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (salesperson: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a return settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 settled %2 for %3: invoice %4, total %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 still owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 to refund</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityPanel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: who, stock number, VIN, customer, make…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has happened yet. Changes to cars, bookings, customers and VIN reports show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches the search and the kind chosen. Change the search words or choose All kinds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Forecourt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL server the dashboards read from (a read replica).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick-up time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pick-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, email, phone or licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car (free for the whole period)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock number, make or model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search free cars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free cars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> km a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kilometres included per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price per extra kilometre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>then per km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kilometres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>licence expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer matches. Add the customer in Customers first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (not free all of this time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No car matching the search is free then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n week(s) at the weekly rate)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>: rental %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> + extras %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> = &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a customer and a car.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similar cars free for the same time are listed; choose one and book again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked: booking #%1, total %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments and deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pick up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Return…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 km a day included, then %2 a km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, unlimited kilometres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1 · balance %2 · deposit asked %3, held %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 km · fuel %3%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payments yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick up booking #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage at pick-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuel at pick-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Odometer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1 picked up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment for booking #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 recorded for booking #%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move booking #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New pick-up time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New return time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1 moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that %1 did not come for booking #%2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel booking #%2 for %1? The car becomes free for that time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1 marked as a no-show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1 cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 a day, %2 a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit kept for the bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave as it is for the branch&apos;s allowance (cars with a rate card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Desk price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge another total than the rate card&apos;s; the reason is kept on the booking and printed on its papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk price for the whole rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the desk price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (required): regular customer, long rental…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the rate card of the car&apos;s class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 a day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 a rental)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out the price…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rental, %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>net %1 + VAT %2 = &lt;b&gt;%3&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk price %1 instead of the card&apos;s %2: give the reason to book.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk price &lt;b&gt;%1&lt;/b&gt; instead of the card&apos;s %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;greement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rental agreement to print or save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Invoice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invoice to print or save as PDF; once issued, a copy with the same number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eceipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipt for the payment chosen in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a payment in the list first, then Receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deposit could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This branch requires a deposit before the car is handed over: take it with Take deposit…, then Pick up again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deposit has been taken for this booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take &amp;deposit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand over without deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1 returned and settled: invoice %2, total %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingListModel</name>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: due back %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingReminders</name>
    <message>
        <source>Pick-up at %1: car #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return due at %1: car #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, booking #%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (phone %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingService</name>
    <message>
        <source>Car #%1 is already booked for part of that time. Choose another time or car.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car #%1 is already booked from %2 to %3 (booking #%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After a return the car needs its turnaround time before the next pick-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The car is no longer in the fleet. Choose another car.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car #%1 is %2 and cannot be booked. Choose another car.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deposit cannot be below zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer is no longer on file. Choose or add the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1 is no longer there; another desk may have removed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1 is %2, so it cannot be %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mileage cannot be below zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the fuel level from 0 to 100%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picked up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s driving licence expired on %2, so the car cannot be handed over. Record a valid licence in the customer&apos;s details first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No driving licence expiry is recorded for %1. Record the licence in the customer&apos;s details first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mileage at pick-up (%1 km) is below the %2 km recorded for car #%3. Check the reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked as a no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the kind of payment and how it was paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1 is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a period that ends after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a return time after the pick-up time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1 starts on %2. To hand the car over now, move the booking to start now first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car #%1 is still out with booking #%2, due back %3. Take it back first, or give this customer another car.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car #%1 is %2, so it cannot be handed over. Give this customer another car.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That booking would end on %1, which has already passed. Choose a return time in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A refund cannot be more than the %1 paid for booking #%2. Enter at most that amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 of deposit is held for booking #%2. Enter at most that amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A price of the desk&apos;s own needs a reason and cannot be below zero. Enter why the price differs from the rate card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deposit has been taken for booking #%1, and this branch requires one before the car is handed over. Take the deposit (Add payment, kind Deposit) first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingTimeline</name>
    <message>
        <source>Availability timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cars as rows and days as columns. Arrow keys move, Enter opens the booking or starts one, plus and minus zoom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1 (%2)
%3
%4 to %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cars to show. Change the search or the branch, or add cars in Fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the timeline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n car(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 %2 (%3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingsPage</name>
    <message>
        <source>&amp;New booking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book a car for a customer (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search cars and customers (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day of the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four weeks earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four weeks later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much time the timeline shows across (Ctrl+wheel, + and - zoom too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1565c0&apos;&gt;■&lt;/span&gt; Reserved &amp;nbsp; &lt;span style=&apos;color:#2e7d32&apos;&gt;■&lt;/span&gt; Active &amp;nbsp; &lt;span style=&apos;color:#c62828&apos;&gt;■&lt;/span&gt; Overdue &amp;nbsp; &lt;span style=&apos;color:#9e9e9e&apos;&gt;■&lt;/span&gt; Completed &amp;nbsp; &lt;span style=&apos;color:#a9c4e8&apos;&gt;■&lt;/span&gt; Turnaround</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ti&amp;meline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the first %1 cars by stock number: search or choose a branch to see others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bookings in this period match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Show the timeline from today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reservations and rentals, pick-up and return.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned with %1 still owed. Open the booking and take the payment with Add payment….</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarCompareDialog</name>
    <message>
        <source>Compare cars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only &amp;differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows in bold on a tinted background differ between the cars.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Choose %1 to %2 cars to compare; %n car(s) were chosen.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stock #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (differs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cars differ in this field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Rows in bold differ between the cars.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print car comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save comparison as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>car-comparison.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comparison could not be written to %1. Choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarDetailPanel</name>
    <message>
        <source>Car details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Price history&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price history chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Similar cars in stock&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similar cars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click or press Enter to show the car.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a car to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock #%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2 (version %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for similar cars…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No similar car is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 · %2 %3 %4 · %5 — %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request VIN &amp;report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open re&amp;port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;VIN report&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decode the VIN and fetch the car&apos;s history in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No report of this VIN yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sell…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Void sale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Sale&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the sale of this car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale was a mistake: keep it as a record, marked void, and give the car back its status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold; the sale was not recorded in Forecourt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold on %1 for %2 by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No buyer recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired: not for sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sold.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarEditorDialog</name>
    <message>
        <source>New car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit stock #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>17 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD or DD.MM.YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line, for example:
Heated seats
Tow bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the car (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload their version to see what they changed (what you typed here is discarded), or overwrite their version with yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload their version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the car…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this new car?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes to stock #%1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rented out, not for sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cars in the rental fleet count in the rental dashboards; the others are stock for sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell this car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes the editor and records the car&apos;s sale (date, price, buyer, salesperson); the car becomes sold with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class whose rate card prices the car at the rental desk. A new car gets the class of its body and list price unless another is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarExportService</name>
    <message>
        <source>The export was cancelled; the file is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarFilterPanel</name>
    <message>
        <source>Make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gearbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model year from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model year to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;ileage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental fleet and stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock for sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental fleet or stock for sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cars of the rental fleet, the stock for sale, or both</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarImportFilePage</name>
    <message>
        <source>Import the valid rows even when others are refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8 with a header row; comma, semicolon or tab between the values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path of the CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add new cars: a VIN already in the fleet is refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add new cars and &amp;update the cars whose VIN is in the fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Otherwise a single refused row means nothing is imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 columns; the next page shows what each one holds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarImportHistory</name>
    <message>
        <source>a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stock #%1 has %n booking(s), so it stays in the fleet.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stock #%1 was changed by %2 on %3 after the import, so it stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock #%1 stays as it is: the stock number %2 it had before the import belongs to another car now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A car the import changed (number %1 in the database) has been deleted since; there is nothing to put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no import number %1. Imports that wrote to the fleet have a number; an import that was checked only has none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no import number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import of %1 (number %2) was undone by %3 on %4 already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (import %2), by %3 on %4: %5 added, %6 updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added cars removed, %2 changed cars put back as they were, %3 left as they are.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarImportMappingPage</name>
    <message>
        <source>Check the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the car field each column of the file holds. Columns set to &quot;Not imported&quot; are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car field for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No column holds %1.&lt;/b&gt; Choose the column for each, or add it to the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the file leaves a value empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 where the file has none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check lists every row where that was done, and refuses a row whose VIN does not tell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No column holds the make and model year: both are taken from each car&apos;s VIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No column holds the make: it is taken from each car&apos;s VIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No column holds the model year: it is read from each car&apos;s VIN.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarImportRunPage</name>
    <message>
        <source>&amp;Save problems as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every row is checked first; nothing is written until you choose Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking against the fleet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: the row is imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: the row is refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to add, %2 to update, %3 unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 rows are fine: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows are refused (listed below) and will be left out; the others: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows are refused (listed below), so nothing can be imported. Correct the file, or go back and choose to import the valid rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 warnings: those rows are imported as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 problems are listed; %2 more were found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import-problems.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes taken from the VINs: %1; model years: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarImportService</name>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no column for: %1. Add the missing columns (or say which column holds them) and try again. The file&apos;s columns are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row has %1 fields, but the header has %2 columns. Put values that contain the delimiter in double quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VIN %1 is already on line %2 of the file; only the first row with a VIN is imported. Remove the repeated row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stock number %1 is already on line %2 of the file, for another car. Give each car its own stock number, or leave it empty to have the car numbered automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no location with the code %1: the dealership has no locations yet. Add the location first, or leave the field empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no location with the code %1. Use the code of one of the dealership&apos;s locations (%2), or leave the field empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stock number %1 already belongs to another car (VIN %2). Change it, or leave it empty to have the car numbered automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VIN %1 already belongs to stock #%2 in the fleet. Import in upsert mode to update cars that exist, or remove the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has column names but no cars. Add a row for each car below the column names and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be the default %2. Use one of: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A car becomes sold by recording its sale, not by an import. Import the car with another status, then use Fleet › Sell… to record its sale (date, price, buyer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock #%1 has a recorded sale and stays Sold. To put it back in stock, void its sale in Fleet (Void sale…), or import it as sold.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarImportWizard</name>
    <message>
        <source>Import cars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarTableModel</name>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Sorting on this column reads every car; it may take a moment with a large fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarValidator</name>
    <message>
        <source>Stock number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuel type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transmission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power (kW)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage (km)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acquired on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock number &quot;%1&quot; is not valid. Use up to 20 letters A-Z, digits and dashes, starting with a letter or digit, or leave it empty to have the car numbered automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>VIN &quot;%1&quot; has %n character(s), but a VIN always has 17. Check that this field holds the VIN and nothing else.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>VIN &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The make is missing. Enter the manufacturer, for example Volkswagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model is missing. Enter the model name, for example Golf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model year is missing. Enter a year from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model year &quot;%1&quot; is not a year from %2 to %3. Enter the year as four digits, for example 2019.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not known. Use one of: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a whole number from %3 to %4. Correct it or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number of kW from 0 to %1, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power &quot;%1&quot; is not a number. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power &quot;%1&quot; is not in kW. Enter %2 kW, which is about the same power.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power &quot;%1&quot; is not a whole number. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power &quot;%1&quot; is out of range. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage &quot;%1&quot; is not a whole number of kilometres. Enter digits only, for example 12345 or 12 345.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage &quot;%1&quot; is below zero. Enter the kilometres on the odometer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage &quot;%1&quot; is too large to be a mileage. Enter the kilometres on the odometer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage &quot;%1&quot; is over 1,000,000 km. Check that it is in kilometres and has no extra digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage &quot;%1&quot; is high for a new car. Check the mileage, or set the condition to used or demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location &quot;%1&quot; is not a branch code. A branch code has 2 to 8 letters or digits, for example BER1; leave it empty for no branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not an amount. Write it like 18900, 18,900.50 or 18.900,50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not in %3. Convert it to %3 and enter the amount without another currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is below zero. Enter an amount of 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is too large. Amounts must be below 10,000,000,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list price is missing. Enter the asking price, for example 18900.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost &quot;%1&quot; is above the list price &quot;%2&quot;: the car would be sold at a loss. Check both amounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a valid date. Write it as 2024-03-31, 31.03.2024 or 31/03/2024.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is before 1900. Check the year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is in the future. Check the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed on &quot;%1&quot; is before the car was acquired (%2). Correct one of the dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold on &quot;%1&quot; is before the car was listed (%2). Correct one of the dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold on &quot;%1&quot; is before the car was acquired (%2). Correct one of the dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold on &quot;%1&quot; is filled in, but the status is %2. Set the status to sold or retired, or clear the sold date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No make was given: %1 was taken from the VIN (maker code %2). Check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The make is missing, and Forecourt does not know the maker code %1 of the VIN. Enter the manufacturer, for example Volkswagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model year was given: %1 was read from the VIN (character 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model year was given: %1 was read from the VIN (character 10), which could also mean %2. Check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the rental fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not yes or no. Write yes or no (true/false and 1/0 work too); leave it empty for stock for sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a class code (2 to 8 letters or digits, such as COMP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not one of the rental classes. Write one of %3 (code or name), none for a car without a class, or leave it empty for the class of its body and price.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarVocabulary</name>
    <message>
        <source>Sedan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hatchback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SUV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coupé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convertible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Petrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diesel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plug-in hybrid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LPG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hydrogen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front-wheel drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rear-wheel drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All-wheel drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four-wheel drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certified pre-owned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>body type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fuel type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transmission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between the accepted values in a message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceButton</name>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n chosen</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Run &quot;forecourt --help&quot; for the commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server&apos;s data folder (default: $FORECOURT_DATA_DIR or %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PostgreSQL server to use instead of the local one: a URI (postgresql://user@host/forecourt) or key=value pairs. PG* variables also work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conninfo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows where the data lives, the server and the schema version. Starts the local server if needed; changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data:           %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:         PostgreSQL %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:       %1 (user %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema version: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) pending: run &quot;forecourt db migrate&quot;.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cars:           %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies the pending schema migrations, each in its own transaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying %1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema is up to date (version %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema version is now %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop: stop even while Forecourt processes use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manages the local PostgreSQL server. start: create it if needed, start it and keep it running; stop: stop it; status: show it (exit code 3 when it is not running).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;server&quot; manages the local server; --server names another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server is running (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server is stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running, PID %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Used by %n process(es).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped (data in %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not created yet (it will be in %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown server command &quot;%1&quot;: use start, stop or status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many cars (default 250).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seed: the same seed makes the same data (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the fleet, customers and bookings first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do nothing when the fleet already has cars.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills the database with realistic, deterministic demo data (migrating it first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 cars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fleet already has %1 cars; no demo data added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown db command &quot;%1&quot;: use &quot;db status&quot; or &quot;db migrate&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 cars in %2 branches, %3 customers and %4 bookings (seed %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insert: every row is a new car, a VIN already in the fleet is refused (default); upsert: a row whose VIN is in the fleet updates that car.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every row, also against the database, and write nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the valid rows even when others are refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write every problem found to this CSV file (line, column, value, message, severity).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;import cars&quot; needs the CSV file to import: forecourt import cars FILE.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown --mode &quot;%1&quot;: use insert or upsert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 could not be opened: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, %2 (warning): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added, %2 updated, %3 unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run, nothing was written: %1 rows read; the import would leave %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 rows: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows were refused and not imported; the others were %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows were refused, so nothing was imported. Correct them, or use --skip-invalid to import the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns ignored (not car fields, or repeated): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>... and %1 more problems, all of them in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>... and %1 more problems; use --errors FILE to get them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown %1 &quot;%2&quot; for --%3. Use one of: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cars of this %1 (repeatable, or comma-separated): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cars whose stock number, VIN, make or model contain every word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only these makes (repeatable, or comma-separated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only these models (repeatable, or comma-separated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cars of this model year or newer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cars of this model year or older.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cars with a list price of at least this (whole currency units).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cars with a list price of at most this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cars with at least this mileage (km).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cars with at most this mileage (km).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only these colours (repeatable, or comma-separated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cars with this many seats (repeatable, or comma-separated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cars at these locations: branch codes (repeatable, or comma-separated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to this file instead of the standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by this column (default stock_number): a column of the export, or updated_at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort in descending order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the cars that match the filters to CSV (UTF-8, with the column names that &quot;import cars&quot; reads back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown --sort column &quot;%1&quot;. Use one of: %2, updated_at, updated_by.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The standard output could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n car(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>How long a claimed event stays this worker&apos;s before another may take it (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed attempts after which an event goes to the dead letters (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handles the queued events (activity feed, alerts, reminders, VIN reports) without a window, next to any other workers, until SIGTERM or Ctrl+C; then it finishes the batch in hand and gives back its leases. Logs to stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest a due event may wait before the queue counts as behind (default 60).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks that the database is reachable, the schema current, a worker alive (a heartbeat in the last %1 s), the queue not behind and the dead letters empty. Exit code 1 names the failing checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unhealthy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes no arguments besides its options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN %1 (valid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN %1 (not valid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manufacturer: %1 (WMI %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (or %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model year: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plant: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check digit: %1, correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check digit: %1, where %2 would be correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decodes VINs offline: the manufacturer, country and region from the WMI, the model year, plant, serial number and check digit. Give the VINs as arguments, or one a line on stdin. Exit code 1 when any VIN is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give one or more VINs, or pipe them in one a line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stdin held no VINs: give one a line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n VIN(s) not valid.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(trying again: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(recent report reused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[sample data]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the providers again even when a recent report of the VIN exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until every report is done or failed, and list them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long --wait waits (default 120).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks for VIN reports: each request is queued with its event, and a worker (a running Forecourt, or &quot;forecourt worker&quot;) decodes the VIN, asks vPIC and the history provider and stores the report. Give the VINs as arguments, or one a line on stdin. Exit code 1 when any VIN was refused or, with --wait, any report failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Asked for %n VIN report(s) (batch %1).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No worker is running now: the reports are made when Forecourt or &quot;forecourt worker&quot; runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The reports were not all done within %n second(s); they stay queued.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No worker is running: start Forecourt or &quot;forecourt worker&quot;. The requests stay queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only requests with this status: pending, done, failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many, newest first (default 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists the VIN report requests, newest first, with their status and findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--status takes pending, done or failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No VIN report requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues failed VIN report requests again (their ids from &quot;vin requests&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the ids of the failed requests to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failed request(s) queued again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Write the report as a PDF file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the newest stored report of a VIN (as JSON with --json), or writes it as a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the VIN whose report to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No report of %1 is stored. Ask for one with &quot;forecourt vin request %1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN report of %1, made %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIMULATED SAMPLE HISTORY: not a real vehicle history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title brands: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accidents: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Odometer rollback suspected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported stolen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed needs a whole number from 0 to %1, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value for a field the file leaves empty or has no column for, such as condition=used or fuel_type=petrol (repeatable). Fields the file leaves empty are otherwise not stated; a missing make or model year is taken from the VIN where it can be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports cars from a CSV file (UTF-8, comma or semicolon, a header row with the column names) in one transaction. Without --skip-invalid a single refused row means nothing is imported. Exit code 1 when a row was refused. An import that wrote to the fleet gets a number; &quot;forecourt import undo&quot; takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--default needs a field and a value, such as condition=used; &quot;%1&quot; is not one. Fields: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--default cannot give a %1: every car has its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes taken from the VINs: %1; model years: %2 (each listed as a warning).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This was import %1; &quot;forecourt import undo %1&quot; takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes back an import (the newest one not yet undone, or import ID): removes the cars it added and puts back the values it overwrote, except for cars that were booked or changed since, which it lists with the reason. Exit code 1 when a car was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;import undo&quot; takes one import number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an import number. &quot;forecourt import cars&quot; prints the number of each import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no import to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undid %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>... and %1 more cars left as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of stdin is longer than %2 bytes, so it is not a VIN. Give one VIN a line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the VINs from stdin: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted after decoding %1 VINs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than %1 VINs: ask for them in parts of at most %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a request id: ids are whole numbers from 1 (see &quot;vin requests&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last odometer reading: %1 km on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last odometer reading: %1 km (no date reported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet mileage: %1 km, below the reported %2 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet mileage: %1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown import command &quot;%1&quot;: use &quot;import cars&quot; or &quot;import undo&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes no further arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where the data lives, server and schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apply pending schema migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start the local PostgreSQL server and keep it running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop the local server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show the local server (--json includes its connection URI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fill the database with realistic demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import cars from a CSV file (import cars FILE.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes one file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>take back the last import (or import undo ID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write the cars, filtered, to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handle the queued events without a window, until SIGTERM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the database, the schema, the workers and the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decode VINs offline: manufacturer, country, model year, check digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ask for VIN reports (made by the worker); --wait to wait for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the VIN report requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show a VIN&apos;s newest report, or write it as a PDF (--pdf FILE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes one VIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue failed VIN report requests again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown export command &quot;%1&quot;: use &quot;export cars&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown vin command &quot;%1&quot;: use &quot;vin decode&quot;, &quot;vin request&quot;, &quot;vin requests&quot;, &quot;vin report&quot; or &quot;vin retry&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;vin&quot; needs a command: use &quot;vin decode&quot;, &quot;vin request&quot;, &quot;vin requests&quot;, &quot;vin report&quot; or &quot;vin retry&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecourt: administration for car dealerships and rental desks.
Without a command it opens the window.

Commands (each has --help):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a dashboard&apos;s figures: stats stock|rentals|sales|vin|operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes one dashboard: stock, rentals, sales, vin or operations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the rental fleet (yes) or only the stock for sale (no).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes|no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--for-rent takes yes (the rental fleet) or no (the stock for sale), not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 takes a date written YYYY-MM-DD, such as 2026-03-31; &quot;%2&quot; is not one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows a dashboard&apos;s figures for a period (both days included) and a branch: its tiles, then its series. The same figures as the Dashboards section, defined in the README&apos;s glossary. Money is in the database&apos;s currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;stats&quot; needs a dashboard: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of --json and --csv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--to (%1) is before --from (%2): the period needs its last day on or after its first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 to %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>branch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period&apos;s first day, YYYY-MM-DD (default: %1 days before --to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period&apos;s last day, YYYY-MM-DD (default: today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this branch, by its code (default: all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the figures from this PostgreSQL server instead, read-only: a read replica of the main one (a libpq URI or key=value string; the password from PGPASSWORD or ~/.pgpass). Default: the main connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write CSV (kind, name, key, value: a row per tile and per point of a series) instead of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the price the rental desk would quote for a car and a period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write a completed booking&apos;s invoice as a PDF (invoice BOOKING_ID --pdf FILE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes one booking id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the invoice of a completed booking as a PDF file, in the language and formats of this system&apos;s locale. The invoice keeps its number; every print after the first says &quot;Copy&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;invoice&quot; needs --pdf FILE: where to write the invoice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote invoice %1 (copy) to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote invoice %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prints the price lines and the total the rental desk would quote for a car and a period: the car&apos;s rate card at its branch (seasons priced per day), the extras, and the VAT as the branch&apos;s settings say. Times are in the car&apos;s branch&apos;s time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;quote&quot; needs --car, --from and --to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--from takes a time written &quot;YYYY-MM-DD HH:MM&quot;, such as &quot;2026-07-01 10:00&quot;; &quot;%1&quot; is not one (or does not exist in %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--to takes a time written &quot;YYYY-MM-DD HH:MM&quot;, such as &quot;2026-07-04 10:00&quot;; &quot;%1&quot; is not one (or does not exist in %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--to (%1) must be after --from (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car #%1, %2 to %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The car, by its stock number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pick-up, &quot;YYYY-MM-DD HH:MM&quot; in the car&apos;s branch&apos;s time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The return, &quot;YYYY-MM-DD HH:MM&quot; in the car&apos;s branch&apos;s time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An extra, by its code or name (child_seat, &quot;Child seat&quot;); may be given more than once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local: a private database on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server: the dealership&apos;s PostgreSQL server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used for this session only; it is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboards can read their figures from a read replica of the main server (a hot standby), so managers&apos; reading never slows the desks down. Other desks&apos; changes still come from the main server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ame as the main connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the keychain, never in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Main server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reports server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>The connection string is not valid. Use a URI such as postgresql://user@host:5432/forecourt or key=value pairs such as &quot;host=db.example.com dbname=forecourt&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local server (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2, database %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(invalid connection string)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>The quoted field that starts on line %1 has no closing quote within %2 MB. Check the quotes on that line and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 is longer than %2 MB, which is too long for a row of a CSV file. Check that the file is a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is UTF-16 text. Save the file as UTF-8 (CSV UTF-8 in Excel) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first line of the file is longer than %1 MB, so it is not a row of column names. Check that the file is a CSV file and that its quotes are closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file does not look like a CSV file: its first line is not a row of column names. Check that you chose the right file and that it is saved as CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 contains binary data (a NUL byte), so the file is not a CSV text file. If it is an Excel workbook, open it in Excel and save it as CSV UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quoted field that starts on line %1 has no closing quote. Check the quotes on that line and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 is not valid UTF-8 text. Save the file as UTF-8 (CSV UTF-8 in Excel) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvWriter</name>
    <message>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <source>Customer details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the customer (Enter in the table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Bookings&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings of the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a customer to see their details, bookings and balance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>possible duplicate: another customer has the same email or licence number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owes %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In credit by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deposit held: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Balance:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (age %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — expired: no pick-up until renewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2 (version %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bookings yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1: %2, %3 to %4, %5; total %6, balance %7</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerEditorDialog</name>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit customer #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD or DD.MM.YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As printed on the driving licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the customer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer with this email and licence number already exists: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer with this licence number already exists: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer with this email already exists: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the existing customer to check or update their details, or save this one as a separate customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also alike: %1. Open the existing customer to check their details, or save this one as a separate customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open %1 (#%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload their version to see what they changed (what you typed here is discarded), or overwrite their version with yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload their version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1 (#%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this new customer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes to %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerService</name>
    <message>
        <source>%1 (#%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer is no longer on file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was changed by %2 on %3 after you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks customers who share an email or licence number with another customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another customer has the same email or licence number. Check whether they are the same person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The licence has expired: the customer cannot pick up a car until it is renewed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerValidator</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a valid date. Write it as 1985-03-31, 31.03.1985 or 31/03/1985.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is before 1900. Check the year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is missing. Enter the customer&apos;s full name, for example Anna Berg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email &quot;%1&quot; is not an email address. Write it like anna.berg@example.com, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone &quot;%1&quot; has %2 digits; a phone number has %3 to %4. Check the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth &quot;%1&quot; is in the future. Check the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth &quot;%1&quot; makes the customer %2; customers must be at least %3. Check the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth &quot;%1&quot; makes the customer %2. Check the year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer is %1, under %2: check that the rental terms allow a renter this young.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence number &quot;%1&quot; is not valid. Enter the number as printed on the licence: 4 to 24 letters and digits, dashes allowed between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The licence expiry is missing. Enter the expiry date printed on the licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A licence expiry is given without a licence number. Enter the licence number too, or clear the expiry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The licence expired on %1. The customer can be saved, but cannot pick up a car until the licence is renewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone &quot;%1&quot; has characters a phone number does not have. Use digits, spaces, dashes, parentheses and a leading +, like %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search name, email, phone or licence number (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected customer; Enter in the table does the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the customers again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a customer to see their details, bookings and balance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer #%1 is no longer on file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 customer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 customer(s) match &quot;%2&quot;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No customers yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Add the first one with &lt;b&gt;New customer&lt;/b&gt; (%1).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No customer matches &quot;%1&quot;.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Search by part of a name, email, phone or licence number, or clear the search (Esc).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (#%2) added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (#%2) saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The people who rent and buy, with their bookings and balance.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardDrill</name>
    <message>
        <source>Opens these bookings in Bookings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens these requests in VIN reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens these cars in Fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not clickable: a reading of the event queue and the database now, not a list of records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not clickable here: the Idle cars list below names these cars; open one with a double-click.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not clickable: a share of the fleet&apos;s hours, not a list of records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not clickable: revenue per car and day of the whole fleet, not a list of records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not clickable: this figure is not a list of records.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardFiguresModel</name>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardFormat</name>
    <message>
        <source>Accidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Odometer rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported stolen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title brands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>%1 figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a bar or point: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (none in this period)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures could not be read: %1 Choose Refresh to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exactly: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 on the previous period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous period: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to show for this period and branch yet: try a longer period or another branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last rental ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle cars now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the car in Fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue rentals now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (the first %3 shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never rented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart could not be written to %1. Choose a folder you may write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures could not be written to %1: %2. Choose a folder you may write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPeriod</name>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardService</name>
    <message>
        <source>Choose a period whose last day is not before its first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a period of at most three years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no branch %1. Choose one of the branches listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no dashboard &quot;%1&quot;. Choose one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A target is a share from 0 % to 100 %. Enter one in that range.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardSpec</name>
    <message>
        <source>A day is a calendar day at the car&apos;s branch; all branches add up their own days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cars in stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cars neither sold nor retired, now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock value (list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list prices of the cars in stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock value (cost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The costs of the cars in stock that have a cost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average days in stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today minus the day a car counts as in stock from: acquired on, else listed on, else the day it was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cars in stock for more than 90 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock by make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days in stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock by body type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock by fuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most booked models in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best-selling models in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rentals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked hours of the rental fleet&apos;s cars ÷ (fleet cars × hours of each day), over the period. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charges of the bookings returned within the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RevPAC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue ÷ (rental fleet cars × days in the period).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ADR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue ÷ the rental days of the bookings returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled or no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled and no-show bookings ÷ all bookings, by pick-up day in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average rental (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booked time of the bookings returned in the period, in days, per booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rentals past their return time, now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle cars now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental fleet cars not out now and with no rental in the last 5 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue (by day, week or month)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cars sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales in the period by sale date, void ones left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average days to sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale date minus the day the car counted as in stock from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross per deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale price minus cost at sale, over the sales with a cost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale price minus cost at sale, summed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold within 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of the period&apos;s sales with at most 30 days to sell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cars sold by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold within 30 days by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross by age at sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top models by gross</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cars sold by salesperson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN report requests made in the period (UTC days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests that failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed ÷ (done + failed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider latency (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From request to report, over the reports not reused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share with findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events handled per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events handled in the last minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue lag (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the oldest due event has waited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events that gave up (dead letters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers with a recent heartbeat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database size (bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database&apos;s size on disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events handled by minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cars with a cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental fleet cars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most booked makes in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best-selling makes in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings (by pick-up day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales with a cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cars sold by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cars sold by age at sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross by salesperson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold within 30 days: target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports reused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events failed per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardTargetsDialog</name>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold within 30 days target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line on Rentals › Utilisation by day: booked hours of the rental fleet ÷ its hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line on Sales › Sold within 30 days by month: the share of sales with at most 30 days to sell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The targets every desk&apos;s dashboards draw as a dashed line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Utilisation of the rental fleet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cars &amp;sold within 30 days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the targets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The targets could not be read: %1 Close and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The targets were not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardsSection</name>
    <message>
        <source>Dashboards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts of the fleet, rentals, sales and VIN activity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with the previous period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show as &amp;Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same numbers as a table (the accessible view).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart as &amp;SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart as &amp;SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Data as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period&apos;s last day is before its first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reports server is behind the main server: the dashboard may not show the newest changes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reports server %1 cannot be reached: %2 Check File › Connection… › Reports server, or clear it to use the main server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecourt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period: %1 · Branch: %2 · Made %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be written to %1. Choose a folder you may write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Targets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The utilisation and sold-within-30-days targets, for every desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets saved: utilisation %1, sold within 30 days %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecourt: %1, lists now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseThread</name>
    <message>
        <source>Not connected to a database yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DbErrors</name>
    <message>
        <source>The server host in %1 could not be found. Check the host name for typing errors and that this computer is on the dealership network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 refused the user name or password. Check them, or ask your administrator for access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 has no such database. Check the database name, or ask your administrator to create it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PostgreSQL server answers at %1. Check that the server is running and the port is right, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the database was lost. Forecourt reconnects by itself; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was lost while saving, so it is not known whether the change was saved. Reload and check before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record with the same key already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This overlaps with an existing record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed the same data at the same moment. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your database account is not allowed to do this. Ask your administrator for the right role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused the change because it breaks a rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoDataService</name>
    <message>
        <source>The number of cars must be between 0 and 10,000,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The database already has %n car(s). Use --replace to delete the fleet, customers and bookings and generate new demo data.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; no demo data was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventService</name>
    <message>
        <source>The failed event #%1 is no longer there: another desk replayed or discarded it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Workers alive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload and errors of the failed event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a failed event to see its payload and every attempt&apos;s error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue the event again; the workers handle it as new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the event for good; the activity feed records who did it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed events (dead letters):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue: %1 event(s) waiting, none due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue: %1 event(s) waiting, %2 due; the oldest due for %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled per minute (the last full minute): %1 · failed attempts: %2 · failed events: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers alive: none. Events wait until a Forecourt window or &quot;forecourt worker&quot; runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2 (%3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay the failed event #%1 (%2)? The workers will handle it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the failed event #%1 (%2) for good? Its effect will never happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event #%1 queued again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event #%1 discarded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureFilterBar</name>
    <message>
        <source>Clear this filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the dashboard&apos;s filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the list without the dashboard&apos;s filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the dashboard: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterAlerts</name>
    <message>
        <source>%1 %2, stock #%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price drop for &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New car for &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>Change &amp;status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to &amp;location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search stock number, VIN, make or model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the filters (Ctrl+Shift+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of cars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete or retire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New car…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo last edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ompare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;price…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Selected cars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete saved filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter ▾</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved filter actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alert me about new matches and price drops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A notification when a new car or a lower price matches the chosen saved filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filters (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a car to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved filters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will be notified of new cars and price drops matching &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts for &quot;%1&quot; are off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a search or a filter first; then save it to use it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter &quot;%1&quot; saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a saved filter first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the saved filter &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter &quot;%1&quot; deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 car(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more cars first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 for %2 car(s)?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 car(s) changed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Set the status to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative values lower the price. New prices are rounded to whole units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the price by %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete stock #%1 (%2 %3)?

A car with bookings or a price history is retired instead, so its records stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock #%1 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock #%1 has a history, so it was retired instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo last edit (stock #%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock #%1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock #%1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last edit of stock #%1 was undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare cars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select 2 to 4 cars to compare (Ctrl+click adds a car to the selection).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cars.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exporting %1 car(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 car(s) exported to %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>VIN report requested; you will be notified when it is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;leet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;ndo import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Book…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request &amp;VIN report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request VIN report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the car first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete saved &amp;filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions on the selected cars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock #%1 is shown alone: the filter left it out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower the price by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise the price by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %4 done: %1 cars added, %2 updated, %3 unchanged. Undo import takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no import to undo: every import so far has been undone, or none has added or changed cars.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the import of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cars it added are deleted and the values it overwrote are put back. Cars that were booked or changed since stay as they are; you get a list of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing the import of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import of %1 is undone. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some cars were left as they are; see the details for each and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The car inventory: stock, prices, status and location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sell…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock #%1 is sold already. If that sale was a mistake, void it first (Void sale… in the car&apos;s panel).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock #%1 is retired, so it cannot be sold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock #%1 sold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale stays on record, marked void, and the car gets back the status it had before. Why is the sale void?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Void sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale #%1 is void; the car has its status back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the saved filter&apos;s figure conditions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FleetService</name>
    <message>
        <source>Stock #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no location with the code %1. Choose one of the dealership&apos;s locations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VIN %1 already belongs to %2. Each car has its own VIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stock number %1 is already taken. Leave it empty to get the next free one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The car no longer exists; someone may have deleted it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was changed by %2 on %3 after you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A price change must be between -100% and +1000%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same body type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same year</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) newer</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) older</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>same price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% cheaper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% dearer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the filter a name of 1 to 80 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved filter is no longer there; it may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under 1% cheaper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under 1% dearer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A car becomes sold by recording its sale: select the car and choose Sell… (Ctrl+Shift+S), which asks for the sale date, price, buyer and salesperson.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of the chosen car(s) have a recorded sale (stock #%1 among them) and stay Sold. To put a car back in stock, void its sale: select the car and choose Void sale….</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The car has a recorded sale and stays Sold. To put it back in stock, void its sale: select the car in Fleet and choose Void sale….</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthService</name>
    <message>
        <source>%1 seen %2 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no worker has reported in the last %1 s: start Forecourt or &quot;forecourt worker&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 due, the oldest waiting %2 s (limit %3 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed events: see System &gt; Events in Forecourt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 of %2: run &quot;forecourt db migrate&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpCall</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the connection. Check the address and the internet connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not find the server %1. Check the address and the internet connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection before answering. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from %1 in time. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open a secure connection to %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network is not available, so %1 could not be reached. Check the internet connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy did not let the request to %1 through (%2). Check the proxy settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request to %1 was not sent: Forecourt is stopping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from %1 within %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request to %1 was stopped: Forecourt is stopping.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpHistoryProvider</name>
    <message>
        <source>The history service&apos;s address is not set. Set it in Settings › VIN reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key for %1 is in this computer&apos;s keychain. Enter it in Settings › VIN reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the API key (HTTP %2). Check the key in Settings › VIN reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s answer could not be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueStyle</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To fill in or correct before saving: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): check the marked fields; you can save anyway.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>The keychain could not be read. Unlock it (or install a keychain service) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be saved in the keychain. Unlock it (or install a keychain service) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be removed from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalServer</name>
    <message>
        <source>Forecourt runs as root, so its PostgreSQL server must run as an unprivileged account, but none of %1 exists. Create one or set FORECOURT_PG_ACCOUNT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecourt runs as root, so its PostgreSQL server runs as the account &quot;%1&quot;, which cannot reach the folder %2. Choose a data folder it can reach with --data-dir, for example under /var/lib/forecourt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the data folder %1. Check that you may write there, or choose another one with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the local database in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move the new cluster into %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local PostgreSQL server did not start. Its log is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local PostgreSQL server started but is not accepting connections. Its log is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local PostgreSQL server is running but its database could not be prepared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n Forecourt process(es) still use this server (PID %1). Close them first, or stop it anyway with --force.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The local PostgreSQL server did not stop within 30 seconds and was stopped immediately; it will recover at its next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists but is not a folder of the account &quot;%2&quot;; Forecourt will not use it. Remove it, or choose another data folder with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make %1 private.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder %1 has a quote, backslash, dollar sign, backquote, comma or control character in its path, which PostgreSQL cannot be given safely. Choose a folder without them with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 already holds other files. Choose a new or empty folder for Forecourt&apos;s data with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder %1 belongs to another account. Choose a folder of your own with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Forecourt process has held the lock on %1 for two minutes. If none is running, delete %1/server.lock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server was stopped with &quot;forecourt server stop&quot;. Close and reopen Forecourt, or run &quot;forecourt server start&quot;, to start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORECOURT_PG_LISTEN must be a host address such as 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a socket folder in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot hand the socket folder %1 to the account &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No folder for the server&apos;s socket has a path short enough for a Unix socket.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event worker: not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Forecourt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the local database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the database schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database answers normally.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Forecourt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Forecourt %1&lt;/h3&gt;&lt;p&gt;Administration for car dealerships and rental desks: fleet, bookings, customers, VIN reports and dashboards.&lt;/p&gt;&lt;p&gt;Data: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window&apos;s background worker for queued events starts once connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event worker: running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window handles queued events in the background; System › Events shows the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event worker: waiting for the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost, reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Reports server&apos;s password is used for this session only: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MigrationTableModel</name>
    <message>
        <source>Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>%1 is not a readable migration named NNNN_name.sql.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has schema version %1, which is newer than this Forecourt understands (up to %2). Update Forecourt before using this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 (%2) is applied to this database but missing from this Forecourt. Use the Forecourt version that created the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 was changed after it was applied to this database. Restore its original text and put the change in a new migration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded checksum %1, file checksum %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 could not be applied; the database is unchanged from migration %2 on. Nothing was lost: fix the cause and run the migration again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 is numbered below the database&apos;s schema version %2 but was never applied to it. Give it a number above %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Forecourt has been updating the database schema for two minutes. Try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsButton</name>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts from your saved filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No notifications. Booking reminders and the alerts of saved filters (Fleet › Filter) show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PagedDocument</name>
    <message>
        <source>the PDF could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PgBinaries</name>
    <message>
        <source>The PostgreSQL server programs (initdb, pg_ctl, postgres) were not found. Install them with &quot;sudo apt-get install postgresql-15&quot;, set FORECOURT_PG_BIN to their folder, or connect to a PostgreSQL server with --server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looked in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no folders)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RateCardPricing</name>
    <message>
        <source>The rates of &quot;%1&quot; must be zero or more and below 100,000,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The season &quot;%1&quot; needs a first and a last date, the last not before the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rates of the season &quot;%1&quot; must be zero or more and below 100,000,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seasons &quot;%1&quot; and &quot;%2&quot; share dates. Give each date one season.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Late return — %1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental — %1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late return, %1 — %2 × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental, %1 — %2 × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter both the pick-up and the return time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The return must be after the pick-up. Check the dates and times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extra &quot;%1&quot; must cost zero or more and below 100,000,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk&apos;s price must be zero or more and below 100,000,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the price is changed: the reason goes on the invoice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk price (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RentalDeskService</name>
    <message>
        <source>The mileage cannot be below zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the fuel level from 0 to 100%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the time the car came back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each damage line needs a description and an amount of zero or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1 is no longer there; another desk may have removed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1 is %2, so it cannot be returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mileage at return (%1 km) is below the mileage at pick-up (%2 km). Check the reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The car cannot come back before it was picked up (%1). Check the return date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1 is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vehicle class &quot;%1&quot; has no rate card. Give it one in the rental settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no vehicle class &quot;%1&quot;. Choose one of the classes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices and the kilometres per day must be zero or more (the kilometres above zero, or unlimited).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grace for a late return must be from 0 to 1,439 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VAT rate must be from 0 to 100%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car #%1 has no rate card. Give its class a card, or enter its rates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no car with stock number %1. Check the number (Fleet shows every car&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a return time after the pick-up time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The car is no longer in the fleet. Choose another car.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no extra called &quot;%1&quot;. The extras are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deposit has been taken for booking #%1, and this branch requires one before the car is handed over. Take the deposit (%2) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deposit has been taken for booking #%1 (usually %2). Take one now, or hand the car over without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1 has no invoice: it is %2. The invoice is issued when the car is returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment #%1 is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RentalPaperDialog</name>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the paper…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental agreement · booking #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice · booking #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental agreement %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice %1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1-%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RentalPaperDocument</name>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To refund %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until %1 (expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental agreement – booking #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuel out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Km allowance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each further km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms and conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By signing, the customer accepts the terms above and confirms the car&apos;s readings at pick-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COPY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of invoice %1. The original keeps its number and its amounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mileage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices include VAT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices exclude VAT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payments recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deposit was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured for the bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 – booking #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking after this payment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be saved as %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RentalPricing</name>
    <message>
        <source>Enter both the pick-up and the return time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The return must be after the pick-up. Check the dates and times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rate cannot be below zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extra &quot;%1&quot; has a price below zero.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RentalSettingsDialog</name>
    <message>
        <source>Rental rates and settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All branches (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rate cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xtras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the rental settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rental settings could not be read: %1 Close and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kilometres included per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price per extra kilometre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuel charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per missing eighth of the tank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per litre missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuelling charge per missing eighth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuel price per litre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace for a late return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleaning charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the booked total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge the days used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices &amp;include VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A deposit is &amp;required at pick-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms printed on the rental agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kilometres per day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price per e&amp;xtra km:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fuel charged:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge per &amp;eighth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price per &amp;litre:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grace for late return:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cleaning charge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early re&amp;turn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;VAT rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;deposit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ter&amp;ms on the agreement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 rental days; used wherever it makes the rental cheaper. Zero: no weekly rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 rental days; used wherever it makes the rental cheaper. Zero: no monthly rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Season</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add season</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve season</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dail&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weekly:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mo&amp;nthly:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seas&amp;ons (their own rates on their dates, in the branch&apos;s dates):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lass:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extras a booking can carry, for every branch. They are shown here only; they cannot be changed in this window yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes to these settings and rate cards are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes to these settings and rate cards are not saved. Discard them and show another branch?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rental settings could not be read: %1 Choose the branch again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Season %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The defaults: every branch without its own settings uses them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This branch has its own settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses the default settings until saved for this branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This class has no rate card yet: a car of it is priced by the booking&apos;s own rates. Saving gives it this card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: the card of %1 needs a correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were not saved; your changes are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in part: the card shown was refused; your changes to it are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card shown was refused; your changes to it are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return booking #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Booking #%1&lt;/b&gt; · #%2 %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picked up %1 at %2 km, fuel %3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take back and settle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned &amp;at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Odometer at return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Odometer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km driven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below the %1 km at pick-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuel at return, percent of the tank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/8 · out at %2/8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the booked total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge only the days used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The car is back before the booked return. The branch&apos;s setting is chosen first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Early return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cleaning needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damage notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything else found at the return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line of damage found at the return, with what it costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit given back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damage %1: what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damage %1: amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this damage line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove damage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out the bill…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct what is said above; the bill is worked out again as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Booked %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>used %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>charged %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 km driven of %2 included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km driven, unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n eighth(s) of a tank missing</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to charge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer is owed %1: give it back with Add payment… › Refund once the return is settled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bill as it will be settled. Nothing is written until you take the car back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A balance remains: after the deposit of %1 is kept, the customer still owes %2. Take the payment now (Add payment… in the booking once it is settled), or the booking stays in the list as balance owed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A balance remains: the customer owes %1 and no deposit covers it. Take the payment now (Add payment… in the booking once it is settled), or the booking stays in the list as balance owed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A balance remains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle with %1 owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settling the return…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was settled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SalesService</name>
    <message>
        <source>Sale #%1 is no longer there; another desk may have removed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date of the sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale date %1 is in the future. Record the sale on the day the car is sold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale price cannot be below zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale price is too large. Check the amount you entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the salesperson&apos;s name, or leave it empty for yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The car is no longer in the fleet; another desk may have removed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car #%1 is %2, so it cannot be sold. If its sale was a mistake, void that sale first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The buyer is no longer on file. Choose or add the customer again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the sale is void.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale #%1 was already voided on %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SellCarDialog</name>
    <message>
        <source>Sell %1 %2 (#%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list price is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, email, phone or licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search customers for the buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the buyer as a new customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You (the connected user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: trade-in, financing, delivery date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale &amp;date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale &amp;price:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Buyer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales&amp;person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No buyer recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer matches. Use New customer… to add the buyer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale date is in the future. Record the sale on the day the car is sold.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerFields</name>
    <message>
        <source>db.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection URI or key=value string. When filled in, it is used instead of the fields above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SS&amp;L mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or &amp;URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answers; you can connect.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settlement</name>
    <message>
        <source>Enter the pick-up, the booked return and the actual return time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The car cannot come back before it was picked up. Check the return date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booked return must be after the pick-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Odometer readings are between 0 and 10,000,000 km.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The odometer at return (%L1 km) is below the reading at pick-up (%L2 km). Check both readings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuel is read in eighths of a tank, from 0 (empty) to 8 (full).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kilometre allowance cannot be below zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tank holds between 0 and 10,000 litres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VAT rate must be between 0 and 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts must be zero or more and below 100,000,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extra &quot;%1&quot; must cost zero or more and below 100,000,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe each damage: the text goes on the invoice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The damage &quot;%1&quot; must cost zero or more and below 100,000,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More was refunded than paid. Check the payments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra kilometres — %L1 km beyond %L2 km × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuel — %1/8 of a tank missing, %2 l × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuelling — %1/8 of a tank missing × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bill comes to less than zero. Check the desk&apos;s price.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SimulatedHistoryProvider</name>
    <message>
        <source>Collision with another vehicle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collision with a fixed object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Struck by another vehicle while parked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rear-ended while stopped in traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collision with a deer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Air bags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passenger air bag inflator may rupture when the air bag deploys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuel system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fuel pump may fail, stalling the engine while driving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electrical system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A wiring harness may chafe and short circuit, increasing the risk of a fire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The power steering assist may be lost suddenly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service brakes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A brake hose may leak fluid, increasing the stopping distance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat belts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The front seat belt pretensioner may not work in a crash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transmission may not hold the vehicle in park.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back-up camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rear camera image may not appear when reversing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated history (sample data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid VIN, so no history can be made up for it. Correct the VIN and ask again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor damage reported; repaired at a body shop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderate damage reported; the vehicle was towed and repaired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severe damage reported; the vehicle was towed from the scene.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorised dealer service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dealer service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing belt and water pump replaced, oil and filter change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front brake pads and discs replaced, oil and filter change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four new tyres fitted, wheel alignment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Battery tested and replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual service: oil and filters changed, brake fluid checked, multi-point inspection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oil and filter change, tyre rotation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupPage</name>
    <message>
        <source>Forecourt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Startup progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &amp;local server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the local server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host / socket:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the local server&apos;s connection URI, to open it with psql.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local server in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL server (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, user %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database, its schema and the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rental rates and settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental rates and settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VehicleSpec</name>
    <message>
        <source>Make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drive type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuel type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary fuel type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electrification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transmission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GVWR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front airbags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side airbags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curtain airbags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knee airbags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat cushion airbags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vin</name>
    <message>
        <source>The VIN is empty. Enter all 17 characters, as printed on the registration document or at the bottom of the windscreen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The VIN has only %n character(s), but a VIN always has 17. A character is probably missing; compare it with the vehicle documents.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The VIN has %n character(s), but a VIN always has 17. There is probably an extra character; compare it with the vehicle documents.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Character %1 is the letter I, which never appears in a VIN. It is probably the digit 1 (one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character %1 is the letter %2, which never appears in a VIN. It is probably the digit 0 (zero).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character %1 is &quot;%2&quot;, which cannot appear in a VIN. A VIN has only the letters A to Z (except I, O and Q) and the digits 0 to 9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check digit (character 9) is %1, but the other characters give %2, so one of them is probably mistyped. Compare the VIN with the vehicle documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check digit (character 9) is %1, where %2 would be expected. Many manufacturers outside North America and China do not use a check digit, so this is only a warning: the VIN may well be right, but compare it with the vehicle documents.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinDecoder</name>
    <message numerus="yes">
        <source>This is not a VIN: it has %n character(s), but a VIN always has 17.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The manufacturer code %1 is not in Forecourt&apos;s table, so the make is not known offline; the country comes from the first two characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character 10 is %1, which stands for no model year (manufacturers outside North America often leave it unused). Take the year from the registration document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By character 7, character 10 (%1) would mean the model year %2, which is still to come; the latest year it can mean so far is taken instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinReport</name>
    <message>
        <source>Reported stolen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Odometer rollback suspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n accident(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No problems reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet mileage %1 km is below the reported %2 km</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinReportDialog</name>
    <message>
        <source>VIN report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export VIN report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN report %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinReportDocument</name>
    <message>
        <source>Title issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ownership transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title branded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salvage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flood damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Junk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lemon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rear left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rear right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No odometer readings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback suspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1, fetched %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN report %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle not identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report created %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIMULATED SAMPLE HISTORY – not a real vehicle history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history in this report was made up from the VIN for demonstrations and training. Do not use it to judge a real vehicle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title brands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No title brands reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accidents reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported: %1, of them severe: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Odometer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback suspected: a reading is lower than an earlier one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No odometer rollback reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported stolen and not recovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No theft reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No owners reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open recalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recall information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open recalls reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last odometer reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No odometer readings reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle specification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoded from the VIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoded offline by Forecourt on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoded offline by Forecourt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (correct)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (wrong: %2 expected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not used by this manufacturer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WMI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plant code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHTSA vPIC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No specification from NHTSA vPIC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHTSA vPIC has no data for this VIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title and registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title brand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vehicle is reported stolen and not recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accidents and damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Air bags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback suspected: lower than the earlier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider gives no recall information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN %1 — page %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no date reported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reported on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet mileage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recorded in the fleet, below the %2. Check the car&apos;s odometer: correct the fleet&apos;s mileage, or look into a rollback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recorded in the fleet, not below any reported reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinReportHandler</name>
    <message>
        <source>vPIC: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vPIC lookups are turned off in Settings › VIN reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHTSA vPIC (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vPIC could not be asked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN report failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN report ready: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a recent report was reused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n VIN reports ready, %2 failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VIN report(s) ready</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open VIN reports to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VIN report could not be prepared; the worker&apos;s log says why.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinReportService</name>
    <message>
        <source>No VIN was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>None of the %n entries is a valid VIN: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The car is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN report #%1 is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vPIC address must start with https:// (or http://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown history provider &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the history service&apos;s address, starting with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no column named VIN. Name the column that holds the VINs &quot;VIN&quot; and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinReportsPage</name>
    <message>
        <source>Ask again even if a recent report exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Request report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;try failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VINs to request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or paste VINs: one a line, or separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue a report for each VIN (Ctrl+Return); the background worker makes them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request a report for every VIN in a CSV file&apos;s VIN column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vPIC, the history provider and its API key, how long reports are reused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search VIN, vehicle or stock number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN report requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected request&apos;s report (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue the selected failed requests again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request VIN reports from a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s), %1 pending</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Type or paste a VIN first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no VINs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Asked for %n report(s); you will be notified when they are ready.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repeated VIN(s) asked for once.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) queued again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>VIN report settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) refused:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>it could not be opened (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No VIN reports asked for yet: type or paste a VIN above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle history reports requested by VIN.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinRequestListModel</name>
    <message>
        <source> (sample data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying again (attempt %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done (recent report reused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (car #%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinSettingsDialog</name>
    <message>
        <source>Look up the specification at NHTSA vPIC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIN report settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never reuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reuse a report for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vPIC address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time between two vPIC calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated history (sample data for demos and training)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History service over HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History service address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the key this computer has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in this computer&apos;s keychain, never in the database or a settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reuse a report for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vPIC address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time between vPIC calls:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VpicClient</name>
    <message>
        <source>vPIC did not return this VIN in its answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vPIC lookup was stopped: Forecourt is stopping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vPIC is busy (HTTP 429, too many requests). Try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vPIC had a problem answering (HTTP %1). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vPIC refused the request (HTTP %1). Check the vPIC address (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vPIC gave an unexpected answer (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gave up after %1 attempts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from vPIC could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not JSON: %1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no Results; vPIC says: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check digit (9th character) is not correct: the VIN may have been mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VIN has errors in a few positions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VIN is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vPIC has no detailed data for this VIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model year looks incorrect: the decoded data may not be accurate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vPIC could not provide information for all the characters of the VIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VIN contains invalid characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vPIC reports error %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vPIC reports error %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vPIC adds: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vPIC suggests the VIN %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 cylinder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cylinders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 HP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2 HP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 speeds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
