/// A small list of common English words: a word not on it counts as rare, and a
/// capitalised common word at the start of a sentence is not taken for a name.
enum CommonWords {
    /// The words, lowercase.
    static let all: Set<String> = Set(
        """
        a able about above across act action actually add after again against age ago ahead air all almost alone along
        already also although always am among an and another answer any anyone anything appear are area around as ask
        asked asks at away back bad be became because become becomes becoming been before began begin begins behind
        being believe believed believes below best better between big both bring brings brought but by call called
        calls came can cannot car care case cause certain change child children city clear close come comes coming
        could country course cut day days decide decided decides did different do does doing done door down during
        each early either else end ended ends enough even ever every everyone everything eye eyes face fact family far
        father feel feeling feels felt few final finally find finds first five follow following follows for form found
        four free friend friends from front full gave get gets getting girl give given gives go goes going gone good
        got great group had half hand hands happen happened happens hard has have having he head hear heard help her
        here herself high him himself his home house how however i idea if important in instead into is it its itself
        just keep keeps kept kind knew know known knows large last late later learn learns least leave leaves left
        less let life like likely line little live lives living long look looked looks lose lost lot love loved loves
        made main make makes making man many may me mean means meet meets men might mind miss moment money more most
        mother move moves much must my myself name near need needs never new next night no none nor not nothing now
        number of off often old on once one only open or order other others our out over own part people perhaps person
        place places play point power present problem put quite rather read real really reason right room run said
        same saw say says school second see seem seemed seems seen sees set several shall she short should show shows
        side since small so some someone something sometimes soon sort start started starts state still story such
        sure take taken takes talk talks tell tells than that the their them themselves then there these they thing
        things think thinks third this those though thought three through time times to together told too took toward
        towards tries true try trying turn turns two under understand until up upon us use used very want wanted wants
        was watch water way ways we well went were what when where whether which while who whole whom whose why will
        wife with within without woman women word words work works world would write wrong year years yes yet you young
        your yourself also although across anyway behind beyond despite during hence indeed later meanwhile moreover
        nevertheless otherwise rather therefore thus unless whereas yet however although because before after another
        both each either neither such what whatever whenever wherever whichever whoever
        above below near next inside outside upon onto among amongst along around against between beside besides
        able become begin believe bring build buy carry catch choose consider continue create deal describe die dies
        died do draw drive eat explain fall fight fill finish fly forget grow happen hold hope include join kill know
        lead lie listen meet offer pass pay pick plan please pull push reach realise realize receive remain remember
        return reveal say sell send serve sit speak spend stand stay stop suggest teach tell think throw travel
        understand visit wait walk wear win wish wonder write
        held holds kept led met paid sold sent sat spoke spent stood stayed taught thrown visited waited walked wore
        won wrote written stole stolen hid hidden
        tells told asks asked says said knows knew thinks thought finds found gives gave takes took makes made sees saw
        becomes became leaves left comes came goes went returns returned reveals revealed tries tried wants wanted
        loves loved meets met decides decided learns learned learnt begins began ends ended
        important different possible certain clear real whole special main major central true false simple strong
        happy sad dark cold hot poor rich beautiful nice fine able bad worse worst better best
        book novel story chapter part section character characters theme themes plot reader readers author writer text
        summary novel's story's scene act play poem page pages
        january february march april may june july august september october november december monday tuesday
        wednesday thursday friday saturday sunday
        mr mrs ms miss dr sir lady lord
        relationship relationships reality realities unique emotion emotions emotional lack lacks narrative
        narratives circumstance circumstances imaginary reason reasons moral morals value values society social
        human humans humanity nature natural sense senses fact facts truth truths belief beliefs fear fears hope hopes
        dream dreams desire desires feeling feelings memory memories experience experiences future past present
        moment moments event events effect effects result results role roles purpose purposes chance chances choice
        choices decision decisions situation situations condition conditions process processes system systems
        problem problems question questions issue issues idea ideas concept concepts view views opinion opinions
        attempt attempts effort efforts interest interests need needs level levels kind kinds type types form forms
        sort aspect aspects element elements detail details example examples instance instances character's people's
        clings cling grapple grapples struggle struggles suffer suffers accept accepts allow allows appear appears
        bring brings contain contains create creates develop develops discover discovers enjoy enjoys explore
        explores express expresses face faces focus focuses force forces gain gains handle handles imagine imagines
        involve involves manage manages notice notices prepare prepares prove proves provide provides recognise
        recognize recognises recognizes reflect reflects refuse refuses relate relates rely relies remind reminds
        represent represents require requires seek seeks share shares suggest suggests support supports suppose
        tend tends treat treats trust trusts deal deals shows showed shown highlight highlights reveal
        strong weak deep deeper true false real certain clear common complete entire general whole various several
        final early late simple difficult easy hard possible impossible likely unlikely important serious harsh
        bleak grim dark light bright cold warm close distant different similar same other own personal private
        public political cultural physical mental emotional sexual moral ethical particular specific special
        modern ancient recent current previous former latter next last first second final whole full empty
        eventually ultimately indeed instead perhaps probably really simply finally especially particularly
        age ages body bodies heart hearts mind minds soul souls spirit voice voices eye face head hand hands
        home house room school church town city country land world earth sea sky war wars peace death deaths
        life lives love loves friend friendship friendships family families child childhood children parent
        parents mother father son sons daughter daughters brother sister husband wife girl girls boy boys man
        woman men women person people student students teacher teachers reader readers writer writers story
        stories novel novels chapter chapters book books page pages scene scenes part parts line lines word
        words name names title titles end beginning middle start half whole rest lot lots deal kind
        fate fates art arts power powers money time times day days year years night nights morning evening
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Whether `word` (lowercase) is common.
    static func contains(_ word: String) -> Bool { all.contains(word) }
}
