namespace Mobility.Tests.Engine;

using Mobility.Engine.Phases;
using Mobility.Engine.Random;
using Mobility.Input.World;
using Mobility.Model.Policies;
using Mobility.Model.World;
using Mobility.Tests.IO;

/// <summary>
/// Non-agent random-stream ids come from one allocator per run: the engine's fixed ranges first, then every lever's
/// claims. No two owners may share an id (they would draw the same numbers), and the first nine levers keep the ids
/// they had before the allocator existed, so their draws, and every output, stay the same.
/// </summary>
public sealed class StreamIdAllocatorTests
{
    private static readonly Lazy<WorldData> Fixture = new(() => WorldCsvLoader.Load(TestFiles.FixtureWorld));

    [Fact]
    public void Reserving_a_range_that_overlaps_one_handed_out_throws_and_names_both_owners()
    {
        var ids = new StreamIdAllocator();
        ids.Reserve("a", 10, 10);

        var ex = Assert.Throws<InvalidOperationException>(() => ids.Reserve("b", 19, 5));
        Assert.Contains("b [0x13, 0x18)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a [0xA, 0x14)", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => ids.Reserve("around", 0, 100));
        Assert.Throws<InvalidOperationException>(() => ids.Reserve("a", 1000, 1));

        var next = ids.Reserve("c", 20, 5);
        Assert.Equal(RandomStream.NonAgentEntity + 20, next.Entity(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => next.Entity(5));
    }

    [Fact]
    public void A_claim_whose_preferred_range_is_taken_gets_the_next_free_range()
    {
        var ids = new StreamIdAllocator();
        ids.Reserve("fixed", 0, 23);
        ids.Reserve("x", 24, 2);

        Assert.Equal(100u, ids.Claim(new StreamClaim("free", 100, 2)).Offset);
        Assert.Equal(26u, ids.Claim(new StreamClaim("moved", 5, 2)).Offset);
        Assert.Equal(23u, ids.Claim(new StreamClaim("fits the gap", 22, 1)).Offset);
    }

    [Fact]
    public void A_claim_at_the_end_of_the_ids_wraps_around_to_the_first_free_range()
    {
        var ids = new StreamIdAllocator();
        uint last = (uint)(StreamIdAllocator.Capacity - 2);
        ids.Reserve("end", last, 2);
        ids.Reserve("start", 0, 3);

        var range = ids.Claim(new StreamClaim("late", last, 2));

        Assert.Equal(3u, range.Offset);
        Assert.Equal(uint.MaxValue, ids.RangeOf("end").Entity(1));
    }

    // The law: whatever the levers, their instances' names and participants, no two ranges of a run overlap, every
    // claim gets its range, and a claim keeps its preferred range when it is free. The instances include names whose legacy offsets collide with each other and
    // with the engine's fixed ranges, which the allocator must move.
    [Fact]
    public void Lever_instances_never_get_overlapping_stream_ids()
    {
        var world = Fixture.Value;
        var members = world.MemberIndices().Select(i => world.Countries[i].Code).ToArray();
        var (twinA, twinB) = NamesWithTheSameHash();
        string intoCohorts = Enumerable.Range(0, 1_000_000).Select(i => $"c{i}").First(n => StreamClaim.NameHash(n) < world.Countries.Count);
        for (int seed = 1; seed <= 40; seed++)
        {
            var random = new System.Random(seed);
            var names = Enumerable.Range(0, random.Next(1, 12)).Select(i => $"n{random.Next(100_000)}").Concat([twinA, twinB, intoCohorts]).Distinct().ToArray();
            var policies = new PolicySettings();
            foreach (string name in names)
            {
                switch (random.Next(3))
                {
                    case 0:
                        policies.RegionalMobilityGrants[name] = new RegionalMobilityGrants { Countries = members.Where(_ => random.Next(2) == 0).ToArray() };
                        break;
                    case 1:
                        policies.NationalScholarship[name] = new NationalScholarship { Country = members[random.Next(members.Length)] };
                        break;
                    default:
                        policies.HostQuota[name] = new HostQuota { Host = "RUS", Origin = members[random.Next(members.Length)] };
                        break;
                }
            }

            var claims = PolicySettings.Levers.SelectMany(l => l.StreamClaims(policies, world)).ToList();
            var ids = PolicyApplication.AllocateStreams(policies, world, world.Universities.Count);

            Assert.Equal(4 + claims.Count, ids.Ranges.Count);
            for (int k = 0; k < claims.Count; k++)
            {
                // A claim keeps its preferred range unless a range handed out before it overlaps that.
                var preferred = new StreamRange(claims[k].Owner, claims[k].PreferredOffset, claims[k].Count);
                bool taken = ids.Ranges.Take(4 + k).Any(r => r.Overlaps(preferred));
                Assert.Equal(claims[k].Owner, ids.Ranges[4 + k].Owner);
                Assert.True(taken || ids.Ranges[4 + k].Offset == preferred.Offset, $"seed {seed}: {ids.Ranges[4 + k]} moved from a free range at 0x{preferred.Offset:X}");
            }

            for (int i = 0; i < ids.Ranges.Count; i++)
            {
                for (int j = i + 1; j < ids.Ranges.Count; j++)
                {
                    Assert.False(ids.Ranges[i].Overlaps(ids.Ranges[j]), $"seed {seed}: {ids.Ranges[i]} overlaps {ids.Ranges[j]}");
                }
            }
        }
    }

    // Before the allocator, the ids were picked by hand: entry cohorts at NonAgentEntity + country, inbound pools at
    // + 0x100 + country, staff at + 0x300000 + university (the world's quotas, added later, at + 0x380000 + pair); grants at + 64*country + hash(name) (two streams),
    // scholarships at + 0x100000 + hash(name), quotas at + 0x200000 + hash(name), with hash the low 16 bits of FNV-1a.
    [Fact]
    public void The_first_nine_levers_and_the_engine_keep_the_stream_ids_they_had()
    {
        Assert.Equal(0xF000_0003u, NonAgentStreams.Cohort(3));
        Assert.Equal(0xF000_0105u, NonAgentStreams.InboundPool(5));
        Assert.Equal(0xF030_0007u, NonAgentStreams.Staff(7));
        Assert.Equal(0xF038_0000u + (2 * 26) + 5, NonAgentStreams.WorldQuota(2, 5, 26));

        foreach (string scenario in new[] { "baseline", "ucahes-full", "bolashak-expansion", "kz-education-export" })
        {
            var loaded = EngineTestKit.Load(scenario, "policies:regionalMobilityGrants:t:start=2027", "policies:regionalMobilityGrants:t:countries:0=UZB");
            var (policies, world) = (loaded.Settings.Policies, loaded.World);
            int universities = world.Universities.Count + PolicySettings.Levers.Sum(l => l.OpenedUniversities(policies, world).Count());
            var ids = PolicyApplication.AllocateStreams(policies, world, universities);

            var expected = new List<uint>();
            foreach (var (name, grants) in policies.RegionalMobilityGrants)
            {
                var participants = grants.Countries.Length == 0 ? world.MemberIndices() : grants.Countries.Select(world.CountryIndex);
                expected.AddRange(participants.Select(o => (uint)(o * 64) + LegacyHash(name)));
            }

            expected.AddRange(policies.NationalScholarship.Keys.Select(name => 0x10_0000 + LegacyHash(name)));
            expected.AddRange(policies.HostQuota.Keys.Select(name => 0x20_0000 + LegacyHash(name)));
            Assert.Equal(expected.Order(), ids.Ranges.Skip(4).Select(r => r.Offset).Order());
            Assert.True(expected.Count >= 3, $"{scenario}: too few random levers to test ({expected.Count})");
        }
    }

    private static (string, string) NamesWithTheSameHash()
    {
        var seen = new Dictionary<uint, string>();
        for (int i = 0; ; i++)
        {
            string name = $"twin-{i}";
            if (seen.TryGetValue(StreamClaim.NameHash(name), out string? twin))
            {
                return (twin, name);
            }

            seen.Add(StreamClaim.NameHash(name), name);
        }
    }

    private static uint LegacyHash(string text)
    {
        uint hash = 2166136261;
        foreach (char ch in text)
        {
            hash = (hash ^ ch) * 16777619;
        }

        return hash & 0xFFFF;
    }
}
