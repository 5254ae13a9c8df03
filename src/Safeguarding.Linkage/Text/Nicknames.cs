namespace Safeguarding.Linkage.Text;

/// <summary>
/// Our curated table of given names that name the same person in UK records: diminutives (Liz/Beth/Libby for
/// Elizabeth, Bill/Liam for William, Alex/Sasha for Alexander and Alexandra), and transliterations that AnyAscii
/// cannot know are one name (Muhammad/Mohammed, Aisha/Ayesha). No UK list is published as a package (ADR-007).
/// A name may sit in several groups (Alex is short for Alexander and Alexandra); two names are aliases when they
/// share a group.
/// </summary>
public static class Nicknames
{
    // One group per line, the formal name first. Extend by adding lines; tests pin the forms the issue names.
    private static readonly string[] Groups =
    [
        "ALEXANDER ALEX ALEC ALEK ALEKSANDER ALEKSANDR ALISTAIR ALASTAIR SANDY SASHA XANDER LEX",
        "ALEXANDRA ALEX ALEXA ALEKSANDRA SASHA SANDRA SANDY LEXI LEXIE",
        "ALEXIS ALEX LEXI",
        "ELIZABETH ELISABETH LIZ LIZZIE LIZZY LIZA ELIZA BETH BETTY BETTIE BESS BESSIE LIBBY ELSIE ELLIE ISABEL ELSPETH LISA BETSY",
        "ISABEL ISABELLE ISABELLA IZZY IZZIE BELLA ISSY ELIZABETH",
        "WILLIAM BILL BILLY WILL WILLIE WILLY LIAM WILF",
        "ROBERT ROB ROBBIE BOB BOBBY BERT RAB RABBIE",
        "RICHARD RICH RICHIE RICK RICKY DICK DICKIE",
        "EDWARD ED EDDIE EDDY NED TED TEDDY",
        "EDMUND ED EDDIE NED",
        "THEODORE THEO TED TEDDY",
        "JAMES JIM JIMMY JAMIE JIMMIE JAS HAMISH SEAMUS",
        "JOHN JACK JOHNNY JON JONNY IAN IAIN EOIN SEAN SHAUN SHAWN EVAN IEUAN",
        "JONATHAN JON JONNY JONTY",
        "MICHAEL MIKE MICK MICKY MICKEY MIKEY MICHEAL",
        "CHRISTOPHER CHRIS KIT TOPHER KRISTOPHER CHRISTY",
        "CHRISTINE CHRISTINA CHRIS CHRISSIE TINA KIRSTY KRISTINA KIRSTEN",
        "CATHERINE KATHERINE KATHRYN CATHRYN KATHARINE CATHARINE KATE KATIE KATY CATE CATH CATHY KATHY KAT KITTY KATRINA KATARZYNA CAITLIN KAITLYN",
        "MARGARET MAGGIE MEG MEGAN PEGGY MAISIE MAISY GRETA RITA MARGOT DAISY PEARL MAGS",
        "MARY MARIE MOLLY POLLY MAY MAE MAIR MAIRE MOIRA MAURA MARIA MIA MARION MARIAM MARYAM MIRIAM",
        "SARAH SARA SALLY SAL SADIE ZARA",
        "ANNE ANN ANNA ANNIE HANNAH NAN NANCY ANITA",
        "SUSAN SUSANNAH SUZANNE SUE SUSIE SUZY",
        "PATRICIA PAT PATSY TRICIA TRISH PATTY",
        "PATRICK PAT PADDY PADRAIG",
        "DEBORAH DEBRA DEBBIE DEB",
        "REBECCA BECKY BECCA BECKIE BEX",
        "JENNIFER JENNY JEN JENNI JENNIE",
        "JESSICA JESS JESSIE JESSY",
        "VICTORIA VICKY VICKI VIKKI TORI VICKIE",
        "ABIGAIL ABBIE ABBY ABI GAIL",
        "AMELIA AMY MILLIE MILLY EMILIA",
        "EMILY EMMIE MILLIE MILLY EMILIE EMILIA",
        "EMMA EMMIE EM",
        "ELEANOR ELEANORE ELLIE ELLA NELL NELLIE NORA LEONORA",
        "HELEN HELENA ELLEN ELLIE NELL NELLIE LENA",
        "OLIVIA LIVVY LIV OLLIE LIVIA",
        "OLIVER OLLIE OLLY NOLL",
        "CHARLOTTE CHARLIE LOTTIE LOTTY CHARLEY",
        "CHARLES CHARLIE CHARLEY CHAS CHUCK",
        "GEORGE GEORDIE GEORGIE",
        "GEORGINA GEORGIA GEORGIE GINA",
        "HENRY HARRY HAL HANK",
        "HARRISON HARRY",
        "FREDERICK FREDDIE FREDDY FRED FREDRIK",
        "ALFRED ALF ALFIE FRED FREDDIE",
        "ARCHIBALD ARCHIE ARCHY",
        "THOMAS TOM TOMMY TOMOS",
        "JOSEPH JOE JOEY JOS JOSEF JOZEF YUSUF YOUSUF YOUSEF YOUSSEF",
        "JOSHUA JOSH",
        "SAMUEL SAM SAMMY",
        "SAMANTHA SAM SAMMY SAMMIE",
        "DANIEL DAN DANNY",
        "DANIELLE DANI DANNI ELLE",
        "MATTHEW MATT MATTY MATHEW",
        "ANTHONY ANTONY TONY ANT ANTONI",
        "ANDREW ANDY DREW",
        "BENJAMIN BEN BENNY BENJI",
        "NICHOLAS NICOLAS NICK NICKY NICO",
        "NICOLA NICOLE NIKKI NICKY",
        "STEPHEN STEVEN STEVE STEVIE STEFAN",
        "PETER PETE PIOTR PEDRO",
        "DAVID DAVE DAVEY DAI DEWI DAFYDD",
        "GARETH GAZ",
        "GARY GARRY GAZ",
        "TERENCE TERRY TEL",
        "TIMOTHY TIM TIMMY",
        "PHILIP PHILLIP PHIL PIP",
        "RAYMOND RAY",
        "RONALD RON RONNIE",
        "DONALD DON DONNIE",
        "KENNETH KEN KENNY",
        "LEONARD LEN LENNY LEO",
        "ZACHARY ZACH ZAK ZACK",
        "NATHANIEL NATHAN NATE NAT",
        "NATALIE NATALIA NATASHA TASHA NAT",
        "JACQUELINE JACKIE JACQUI",
        "JACOB JAKE JAKUB",
        "LUKE LUCAS LUKASZ",
        "LUCY LUCIE LUCIA LUCILLE",
        "GABRIEL GABE GABBY",
        "GABRIELLE GABRIELA GABBY GABI",
        "ISAAC IZZY ZAC",
        "FRANCIS FRANK FRANKIE",
        "FRANCES FRANCESCA FRAN FRANKIE FANNY",
        "DOROTHY DOT DOTTIE DOLLY DOROTA",
        "LOUISE LOUISA LOU LULU",
        "LOUIS LEWIS LOU LUDWIK",
        "HARRIET HATTIE HETTY",
        "CAROLINE CAROLYN CAROL CARRIE CARO",
        "SOPHIE SOPHIA SOFIA ZOFIA SOPH",
        "JOANNE JOANNA JO JOJO",
        "JOSEPHINE JO JOSIE",
        "FLORENCE FLO FLOSSIE FLORA",
        "MATILDA TILLY TILLIE MATTIE",
        "PENELOPE PENNY",
        "JULIA JULIE JULES JULIET",
        "ANGELA ANGIE",
        "KIMBERLEY KIMBERLY KIM",
        "TERESA THERESA TESS TESSA TERRI",
        "CHERYL SHERYL",
        "GRACE GRACIE",
        "EVELYN EVIE EVA",
        "AUGUSTUS GUS",
        "ANGUS GUS",
        "DOUGLAS DOUG DOUGIE",
        "MALCOLM MAL",
        "CALLUM CALUM CAL",
        "CAMERON CAM",
        "REGINALD REG REGGIE",
        "STANLEY STAN",
        "ALBERT BERT BERTIE AL",
        "HERBERT BERT HERB",
        "ALAN ALLAN ALLEN AL",
        "ALBERTA BERTIE",
        "CONSTANCE CONNIE",
        "CORNELIUS CONNOR CON",
        "CONOR CONNOR",
        "MAXIMILIAN MAX",
        "MAXWELL MAX",
        "SEBASTIAN SEB SEBBY",
        "TOBIAS TOBY",
        "RUAIRI RORY RUAIRIDH",
        "SIOBHAN SHIVAUN",
        "NIAMH NEVE NIEVE",
        "AOIFE EFA",
        "MUHAMMAD MOHAMMED MOHAMMAD MUHAMMED MOHAMED MOHAMAD MUHAMED MAHOMED MOHAMMUD MOHD MO",
        "AHMED AHMAD AHMET AHMEDD",
        "AISHA AYESHA AYSHA AISHAH AYSHIA AYESHAH",
        "FATIMA FATIMAH FATEMA FATMA",
        "HUSSAIN HUSSEIN HUSAIN HOSSAIN HUSEYIN",
        "HASSAN HASAN",
        "HAMZA HAMZAH",
        "IBRAHIM EBRAHIM IBRAHEEM",
        "ISMAIL ISMAEL",
        "KHADIJA KHADIJAH KHADEEJA",
        "OMAR UMAR OMER",
        "OSMAN USMAN UTHMAN OSMANE",
        "SULEIMAN SULAIMAN SULEYMAN",
        "ZAINAB ZAYNAB ZEYNEP",
        "YASMIN YASMINE JASMINE JASMIN",
        "ABDULLAH ABDULLA ABDALLAH",
        "MUSTAFA MUSTAPHA MOSTAFA",
        "YAHYA YAHIYA",
        "MOSES MUSA",
        "ADAM ADEM",
        "SIKANDAR SIKANDER ISKANDAR ALEXANDER",
        "OLEKSANDR OLEKSANDRA SASHA ALEXANDER",
        "MIKHAIL MIKHAEL MICHAEL MISHA",
        "DMITRI DMITRY DIMITRI DIMA",
        "ZOE ZOEY ZOIE",
        "LILY LILLY LILLIE LILIAN LILLIAN",
        "RUBY RUBIE",
        "MADISON MADDIE MADDY",
        "MADELEINE MADELINE MADDIE MADDY",
        "MOLLIE MOLLY",
        "ERIN ERYN",
        "KAYLEIGH KAYLEE KAYLIE KAILEY",
        "LEIGH LEE",
        "ASHLEIGH ASHLEY ASH",
        "BRADLEY BRAD",
        "CONNIE CONSTANCE",
        "DYLAN DILLON",
        "JAYDEN JADEN JAIDEN",
        "RHYS REECE REES RHYES",
        "TOMASZ THOMAS TOM",
        "WOJCIECH WOJTEK",
        "KRZYSZTOF CHRISTOPHER KRZYS",
        "ANDRZEJ ANDREW",
        "PAWEL PAUL",
        "MAREK MARK MARCUS",
        "JAN JOHN JANEK",
        "AGNIESZKA AGNES AGA",
        "MALGORZATA MARGARET GOSIA",
    ];

    // Common given names that are names in their own right (besides those in the groups above). Two different known
    // names one letter apart (Emma/Ella, Ava/Eva) are two people, not a typo: twins are often named so.
    private static readonly HashSet<string> OtherKnownNames = new(
        """
        AVA ISLA MIA ELLA ELLE ELSA EVA EVIE ROSIE ROSE POPPY IVY WILLOW FREYA PHOEBE SIENNA ALICE ANNA ANNIE HOLLY HOLLIE LEAH LEA
        LACEY LACY MAYA MAISIE ESME EMMA GEMMA JADE JANE JOAN JEAN JUNE DAWN DIANE DIANA KAREN CAREN CLAIRE CLARE CLARA CARA KARA
        LAURA LARA LAUREN LORNA DONNA DANA MOLLY NINA NINO TIA TIANA KIA KYRA KEIRA KIERA AMBER ANNABEL ARIA ARIANA ARYA
        NOAH NOEL LEO LEON LEVI LEWIS LOUIE LUCA LUCAS OSCAR ARTHUR ALFIE TEDDY FINN FYNN FINLEY ETHAN EVAN ADAM AIDAN AIDEN
        CALEB JAMIE JAYDEN MASON JASON RYAN RHYS REECE KIAN KAI KYLE KIERAN CIARAN SEAN SHAUN DEAN DEAN LIAM LIAN ELLIOT ELIOT
        MARK MARC MATT NATHAN NEIL NIALL NIGEL OWEN ROWAN RORY ROSS ROY RAY GUY GUS ABEL MABEL ERIC ERICA ERIN EWAN EOIN
        JACK JAKE JACOB JOEL JOE JOHN JON JOHNNY BEN BETH KATE KATIE KATY MARY MARIA MARIE SARA SARAH ZARA ZOE CHLOE
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static readonly Dictionary<string, int[]> GroupsOfName = Build();

    /// <summary>A name we know as a given name in its own right (in the table or the list of other common names).</summary>
    public static bool IsKnownName(string normalisedName) => GroupsOfName.ContainsKey(normalisedName) || OtherKnownNames.Contains(normalisedName);

    private static Dictionary<string, int[]> Build()
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var g = 0; g < Groups.Length; g++)
            foreach (var name in Groups[g].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!map.TryGetValue(name, out var list)) map[name] = list = [];
                if (!list.Contains(g + 1)) list.Add(g + 1);
            }
        return map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The groups a normalised name belongs to, packed as up to three 21-bit ids (0 when none).</summary>
    public static ulong PackedGroups(string normalisedName)
    {
        if (!GroupsOfName.TryGetValue(normalisedName, out var groups)) return 0;
        ulong packed = 0;
        for (var i = 0; i < Math.Min(3, groups.Length); i++) packed |= (ulong)groups[i] << (21 * i);
        return packed;
    }

    /// <summary>True when two packed group sets share a group.</summary>
    public static bool Share(ulong a, ulong b)
    {
        if (a == 0 || b == 0) return false;
        for (var i = 0; i < 3; i++)
        {
            var ga = (a >> (21 * i)) & 0x1FFFFF;
            if (ga == 0) break;
            for (var j = 0; j < 3; j++)
            {
                var gb = (b >> (21 * j)) & 0x1FFFFF;
                if (gb == 0) break;
                if (ga == gb) return true;
            }
        }
        return false;
    }

    public static bool AreAliases(string a, string b)
    {
        var na = NameText.Name(a).Joined;
        var nb = NameText.Name(b).Joined;
        return na.Length > 0 && (na == nb || Share(PackedGroups(na), PackedGroups(nb)));
    }
}
